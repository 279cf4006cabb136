import { connect, type Socket } from 'node:net';

export interface LeanReply {
  readonly status: number;
  readonly body: string;
}

const headEnd = Buffer.from('\r\n\r\n');
const lengthHeader = /\r\ncontent-length:[ \t]*(\d+)/i;

/**
 * One keep-alive HTTP/1.1 connection to a loopback server, one request at
 * a time, for a load generator that must cost the shared cores little:
 * requests are sent as prepared bytes, and only answers with a
 * Content-Length are understood (the check route always sends one).
 */
export class LeanConnection {
  readonly #socket: Socket;
  #buffer: Buffer = Buffer.alloc(0);
  #waiting: ((error: Error | null, reply?: LeanReply) => void) | undefined;

  private constructor(socket: Socket) {
    this.#socket = socket;
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.#received(chunk));
    socket.on('error', (error) => this.#fail(error));
    socket.on('close', () => this.#fail(new Error('connection closed')));
  }

  static open(port: number): Promise<LeanConnection> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port }, () => {
        socket.off('error', reject);
        resolve(new LeanConnection(socket));
      });
      socket.once('error', reject);
    });
  }

  /** Sends a whole request and resolves with its answer. */
  send(request: Buffer): Promise<LeanReply> {
    return new Promise((resolve, reject) => {
      this.request(request, (error, reply) =>
        error ? reject(error) : resolve(reply!),
      );
    });
  }

  /** `send` without a promise, for loops that must make little garbage. */
  request(
    request: Buffer,
    done: (error: Error | null, reply?: LeanReply) => void,
  ): void {
    if (this.#waiting) throw new Error('one request at a time');
    if (!this.open) {
      process.nextTick(done, new Error('connection closed'));
      return;
    }
    this.#waiting = done;
    this.#socket.write(request);
  }

  /** False once the server closed it (an idle keep-alive times out). */
  get open(): boolean {
    return !this.#socket.destroyed && this.#socket.writable;
  }

  close(): void {
    this.#socket.destroy();
  }

  #received(chunk: Buffer): void {
    this.#buffer =
      this.#buffer.length === 0 ? chunk : Buffer.concat([this.#buffer, chunk]);
    const end = this.#buffer.indexOf(headEnd);
    if (end < 0) return;

    const head = this.#buffer.toString('latin1', 0, end);
    const length = Number(lengthHeader.exec(head)?.[1] ?? Number.NaN);
    if (Number.isNaN(length)) {
      this.#fail(new Error(`an answer without Content-Length: ${head}`));
      return;
    }
    const bodyStart = end + headEnd.length;
    if (this.#buffer.length < bodyStart + length) return;

    const status = Number(head.slice(9, 12));
    const body = this.#buffer.toString('utf8', bodyStart, bodyStart + length);
    this.#buffer = this.#buffer.subarray(bodyStart + length);
    const waiting = this.#waiting;
    this.#waiting = undefined;
    waiting?.(null, { status, body });
  }

  #fail(error: Error): void {
    const waiting = this.#waiting;
    this.#waiting = undefined;
    waiting?.(error);
  }
}

/** A POST with a JSON body as the bytes LeanConnection sends. */
export function leanPost(
  url: URL,
  headers: Readonly<Record<string, string>>,
  body: string,
): Buffer {
  const lines = [
    `POST ${url.pathname} HTTP/1.1`,
    `Host: ${url.host}`,
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    `Content-Length: ${Buffer.byteLength(body)}`,
  ];
  return Buffer.from(`${lines.join('\r\n')}\r\n\r\n${body}`);
}
