import { createServer, type Server } from 'node:http';
import type { Express } from 'express';
import type { AheadOfApp } from './fast-front';

export interface ServeOptions {
  readonly port: number;
  readonly host: string;
  /** Most time to receive a whole request, ms. */
  readonly requestTimeoutMs: number;
  /** Hot routes answered before express sees the request (`fastFront`). */
  readonly ahead?: AheadOfApp;
}

/** Header limits: IdPs send a few small headers, never 16 KiB of them. */
const maxHeaderBytes = 16 * 1024;

/** Listens with limits on header size and count and on slow clients. */
export function serve(app: Express, options: ServeOptions): Promise<Server> {
  const { ahead } = options;
  const server = createServer(
    {
      maxHeaderSize: maxHeaderBytes,
      requestTimeout: options.requestTimeoutMs,
      headersTimeout: Math.min(10_000, options.requestTimeoutMs),
    },
    ahead
      ? (req, res) => {
          if (!ahead(req, res)) void app(req, res);
        }
      : app,
  );
  server.maxHeadersCount = 100;
  server.keepAliveTimeout = 5_000;

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}
