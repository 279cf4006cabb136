import { performance } from 'node:perf_hooks';
import { LeanConnection, leanPost, type LeanReply } from './lean-connection';

export interface CheckLoad {
  /** The check endpoint, on 127.0.0.1. */
  readonly url: string;
  readonly token: string;
  /** Request bodies, sent in turn. */
  readonly bodies: readonly string[];
  /** Keep-alive connections: the most requests in flight. */
  readonly connections: number;
  readonly seconds: number;
  /** The recorder's label for this load. */
  readonly label: string;
  /** A 200 answer must allow exactly this many checks and deny none. */
  readonly allowedPerAnswer: number;
}

export interface SteadyLoad extends CheckLoad {
  readonly perSecond: number;
  /** Not counted: the first seconds open connections and warm up. */
  readonly warmUpSeconds: number;
}

export interface LoadOutcome {
  readonly answered: number;
  readonly seconds: number;
}

/** Where a load puts its latencies (ms) and failures. */
export interface LoadSink {
  record(label: string, ms: number): void;
  fail(label: string, why: string): void;
}

/**
 * As many requests as `connections` clients can send, each waiting for
 * its answer before the next: the throughput of a saturated server.
 */
export async function runClosedLoad(
  load: CheckLoad,
  sink: LoadSink,
): Promise<LoadOutcome> {
  const sender = await senderFor(load, sink);
  const started = performance.now();
  const until = started + load.seconds * 1000;
  let next = 0;

  await new Promise<void>((resolve) => {
    let clients = load.connections;
    const client = () => {
      if (performance.now() < until) {
        sender.send(next++, performance.now(), true, client);
      } else if (--clients === 0) {
        resolve();
      }
    };
    for (let i = 0; i < load.connections; i++) client();
  });
  return sender.close(started);
}

/**
 * Requests at a fixed rate whether or not earlier ones were answered
 * (an open loop), each timed from the moment it was due, so a server
 * that falls behind shows the wait in its latency. The loop keeps no
 * object per request, so that its own garbage collection stays out of
 * the figures as far as it can.
 */
export async function runSteadyLoad(
  load: SteadyLoad,
  sink: LoadSink,
): Promise<LoadOutcome> {
  const sender = await senderFor(load, sink);
  const started = performance.now();
  const warmUp = Math.floor(load.perSecond * load.warmUpSeconds);
  const total = warmUp + Math.floor(load.perSecond * load.seconds);
  const dueAt = (index: number) => started + (index * 1000) / load.perSecond;

  await new Promise<void>((resolve) => {
    let sent = 0;
    let settled = 0;
    const onSettled = () => {
      if (++settled === total) resolve();
    };
    const tick = setInterval(() => {
      const now = performance.now();
      for (; sent < total && dueAt(sent) <= now; sent++) {
        sender.send(sent, dueAt(sent), sent >= warmUp, onSettled);
      }
      if (sent === total) clearInterval(tick);
    }, 1);
  });
  return sender.close(dueAt(warmUp));
}

interface Sender {
  /**
   * Sends body `index` on the next free connection; a counted one is
   * timed from `since`. `done` runs once it is answered or failed.
   */
  send(index: number, since: number, counted: boolean, done: () => void): void;
  close(started: number): LoadOutcome;
}

interface Queued {
  readonly index: number;
  readonly since: number;
  readonly counted: boolean;
  readonly done: () => void;
}

async function senderFor(load: CheckLoad, sink: LoadSink): Promise<Sender> {
  const url = new URL(load.url);
  if (url.hostname !== '127.0.0.1') {
    throw new Error(`bench traffic goes to 127.0.0.1 only, not ${url.host}`);
  }
  const headers = {
    authorization: `Bearer ${load.token}`,
    'content-type': 'application/json',
  };
  const requests = load.bodies.map((body) => leanPost(url, headers, body));
  const port = Number(url.port);
  // Oldest free connection first: none idles into the keep-alive timeout.
  const free = new Fifo<LeanConnection>();
  const all = new Set(await openAll(port, load.connections));
  for (const connection of all) free.push(connection);
  const waiting = new Fifo<Queued>();
  let answered = 0;

  const judge = (since: number, error: Error | null, reply?: LeanReply) => {
    const why = error ? String(error) : refusal(load, reply);
    if (why !== undefined) {
      sink.fail(load.label, why);
      return;
    }
    sink.record(load.label, performance.now() - since);
    answered++;
  };

  const takeFree = (): LeanConnection | undefined => {
    for (let next = free.shift(); next; next = free.shift()) {
      if (next.open) return next;
      reopen(next);
    }
    return undefined;
  };

  const reopen = (connection: LeanConnection): void => {
    connection.close();
    all.delete(connection);
    void LeanConnection.open(port).then(give, () => undefined);
  };

  const give = (connection: LeanConnection): void => {
    all.add(connection);
    const queued = waiting.shift();
    if (queued) start(connection, queued);
    else free.push(connection);
  };

  const start = (connection: LeanConnection, queued: Queued): void => {
    const { index, since, counted, done } = queued;
    connection.request(requests[index % requests.length]!, (error, reply) => {
      if (counted) judge(since, error, reply);
      if (error) reopen(connection);
      else give(connection);
      done();
    });
  };

  return {
    send: (index, since, counted, done) => {
      const queued = { index, since, counted, done };
      const connection = takeFree();
      if (connection) start(connection, queued);
      else waiting.push(queued);
    },
    close: (started) => {
      const seconds = (performance.now() - started) / 1000;
      for (const connection of all) connection.close();
      return { answered, seconds };
    },
  };
}

/** Why an answer is not the expected one; undefined when it is. */
function refusal(load: CheckLoad, reply?: LeanReply): string | undefined {
  if (!reply) return 'no answer';
  if (reply.status !== 200) return `status ${reply.status}`;

  const allowed = reply.body.split('"allowed":true').length - 1;
  if (
    allowed === load.allowedPerAnswer &&
    !reply.body.includes('"allowed":false')
  ) {
    return undefined;
  }
  return `unexpected answer ${reply.body.slice(0, 80)}`;
}

/** First in, first out; drops the consumed head now and then. */
class Fifo<T> {
  #items: T[] = [];
  #head = 0;

  push(item: T): void {
    this.#items.push(item);
  }

  shift(): T | undefined {
    if (this.#head === this.#items.length) return undefined;
    const item = this.#items[this.#head++];
    if (this.#head > 1024 && this.#head * 2 > this.#items.length) {
      this.#items = this.#items.slice(this.#head);
      this.#head = 0;
    }
    return item;
  }
}

function openAll(port: number, size: number): Promise<LeanConnection[]> {
  return Promise.all(
    Array.from({ length: size }, () => LeanConnection.open(port)),
  );
}
