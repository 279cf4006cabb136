import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

export interface HttpReply {
  readonly status: number;
  readonly body: string;
  /** Wall time from sending to the last byte, ms. */
  readonly ms: number;
}

export interface HttpTarget {
  readonly baseUrl: string;
  send(method: string, path: string, body?: unknown): Promise<HttpReply>;
  /** The parsed body ({} when empty); throws on a status of 300 or more. */
  json<T>(method: string, path: string, body?: unknown): Promise<T>;
  close(): void;
}

export interface TargetOptions {
  readonly baseUrl: string;
  readonly token: string;
  /** Sockets kept alive to the server. */
  readonly sockets: number;
  readonly contentType?: string;
}

/** Keep-alive HTTP to a loopback server; refuses any other host. */
export function createHttpTarget(options: TargetOptions): HttpTarget {
  const url = new URL(options.baseUrl);
  if (url.hostname !== '127.0.0.1') {
    throw new Error(`bench traffic goes to 127.0.0.1 only, not ${url.host}`);
  }
  const agent = new Agent({ keepAlive: true, maxSockets: options.sockets });
  const headers = {
    authorization: `Bearer ${options.token}`,
    'content-type': options.contentType ?? 'application/scim+json',
  };

  const send = (method: string, path: string, body?: unknown) =>
    sendOne(agent, url, { method, path, headers, body }).catch(
      (error: unknown) => {
        // The server may close an idle keep-alive socket as we reuse it.
        if (method !== 'GET' || !isStaleSocket(error)) throw error;
        return sendOne(agent, url, { method, path, headers, body });
      },
    );

  return {
    baseUrl: options.baseUrl,
    send,
    json: async <T>(method: string, path: string, body?: unknown) => {
      const reply = await send(method, path, body);
      if (reply.status >= 300) {
        throw new Error(`${method} ${path}: ${reply.status} ${reply.body}`);
      }
      return (reply.body ? JSON.parse(reply.body) : {}) as T;
    },
    close: () => agent.destroy(),
  };
}

interface Outgoing {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: unknown;
}

function sendOne(agent: Agent, url: URL, out: Outgoing): Promise<HttpReply> {
  const payload = out.body === undefined ? '' : JSON.stringify(out.body);
  const started = performance.now();

  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        method: out.method,
        path: `${url.pathname.replace(/\/$/, '')}${out.path}`,
        headers: {
          ...out.headers,
          'content-length': Buffer.byteLength(payload),
        },
        timeout: 60_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            ms: performance.now() - started,
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('request timed out')));
    req.on('error', (error) => reject(staleMarked(error, req.reusedSocket)));
    req.end(payload);
  });
}

const stale = Symbol('stale socket');

function staleMarked(error: Error, reused: boolean): Error {
  const code = (error as NodeJS.ErrnoException).code;
  if (reused && code === 'ECONNRESET') Object.assign(error, { [stale]: true });
  return error;
}

function isStaleSocket(error: unknown): boolean {
  return error instanceof Error && stale in error;
}
