import { performance } from 'node:perf_hooks';
import { LeanConnection, leanPost } from './lean-connection';
import type { LatencyRecorder } from './latency-recorder';

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
  /** True for a 200 body that answers what the load expects. */
  readonly verify: (body: string) => boolean;
}

export interface LoadOutcome {
  readonly answered: number;
  readonly seconds: number;
}

/**
 * As many requests as `connections` clients can send, each waiting for
 * its answer before the next: the throughput of a saturated server.
 */
export async function closedLoad(
  load: CheckLoad,
  recorder: LatencyRecorder,
): Promise<LoadOutcome> {
  const sender = await senderFor(load, recorder);
  const started = performance.now();
  const until = started + load.seconds * 1000;
  let next = 0;

  const client = async () => {
    while (performance.now() < until)
      await sender.send(next++, performance.now());
  };
  await Promise.all(Array.from({ length: load.connections }, client));
  return sender.close(started);
}

/**
 * Requests at a fixed rate whether or not earlier ones were answered
 * (an open loop), each timed from the moment it was due, so a server
 * that falls behind shows the wait in its latency. The first
 * `warmUpSeconds` open the connections and are not counted.
 */
export async function steadyLoad(
  load: CheckLoad & {
    readonly perSecond: number;
    readonly warmUpSeconds: number;
  },
  recorder: LatencyRecorder,
): Promise<LoadOutcome> {
  const sender = await senderFor(load, recorder);
  const started = performance.now();
  const warmUp = Math.floor(load.perSecond * load.warmUpSeconds);
  const total = warmUp + Math.floor(load.perSecond * load.seconds);
  const dueAt = (index: number) => started + (index * 1000) / load.perSecond;
  const pending: Promise<void>[] = [];
  let sent = 0;

  await new Promise<void>((resolve) => {
    const tick = setInterval(() => {
      const now = performance.now();
      for (; sent < total && dueAt(sent) <= now; sent++) {
        pending.push(sender.send(sent, dueAt(sent), sent >= warmUp));
      }
      if (sent === total) {
        clearInterval(tick);
        resolve();
      }
    }, 1);
  });
  await Promise.all(pending);
  return sender.close(dueAt(warmUp));
}

interface Sender {
  /** Sends body `index`; a counted one is timed from `since`. */
  send(index: number, since: number, counted?: boolean): Promise<void>;
  close(started: number): Promise<LoadOutcome>;
}

async function senderFor(
  load: CheckLoad,
  recorder: LatencyRecorder,
): Promise<Sender> {
  const url = new URL(load.url);
  if (url.hostname !== '127.0.0.1') {
    throw new Error(`bench traffic goes to 127.0.0.1 only, not ${url.host}`);
  }
  const headers = {
    authorization: `Bearer ${load.token}`,
    'content-type': 'application/json',
  };
  const requests = load.bodies.map((body) => leanPost(url, headers, body));
  const pool = await connectionPool(Number(url.port), load.connections);
  let answered = 0;

  const send = async (index: number, since: number, counted = true) => {
    const connection = await pool.take();
    try {
      const reply = await connection.send(requests[index % requests.length]!);
      pool.give(connection);
      if (!counted) return;
      if (reply.status !== 200) {
        recorder.fail(load.label, `status ${reply.status}`);
      } else if (!load.verify(reply.body)) {
        recorder.fail(
          load.label,
          `unexpected answer ${reply.body.slice(0, 80)}`,
        );
      } else {
        recorder.record(load.label, performance.now() - since);
        answered++;
      }
    } catch (error) {
      connection.close();
      pool.replace();
      if (counted) recorder.fail(load.label, String(error));
    }
  };

  return {
    send,
    close: (started) => {
      const seconds = (performance.now() - started) / 1000;
      pool.close();
      return Promise.resolve({ answered, seconds });
    },
  };
}

interface ConnectionPool {
  /** A free connection, as soon as one is. */
  take(): Promise<LeanConnection>;
  give(connection: LeanConnection): void;
  /** Opens a connection in place of one that failed. */
  replace(): void;
  close(): void;
}

async function connectionPool(
  port: number,
  size: number,
): Promise<ConnectionPool> {
  const all = new Set<LeanConnection>();
  const free: LeanConnection[] = [];
  const waiting: ((connection: LeanConnection) => void)[] = [];
  let head = 0;

  const give = (connection: LeanConnection) => {
    const next = waiting[head];
    if (next === undefined) {
      free.push(connection);
      return;
    }
    waiting[head++] = undefined as never;
    if (head > 4096 && head * 2 > waiting.length) {
      waiting.splice(0, head);
      head = 0;
    }
    next(connection);
  };
  const open = async () => {
    const connection = await LeanConnection.open(port);
    all.add(connection);
    give(connection);
  };
  await Promise.all(Array.from({ length: size }, open));

  return {
    take: () => {
      const connection = free.pop();
      if (connection) return Promise.resolve(connection);
      return new Promise((resolve) => waiting.push(resolve));
    },
    give,
    replace: () => void open(),
    close: () => {
      for (const connection of all) connection.close();
    },
  };
}
