import type { Server } from 'node:http';

export interface ShutdownStep {
  readonly name: string;
  readonly run: () => Promise<void>;
}

// TODO(limit): a request still open at `timeoutMs` holds the server's
// close, so the closing steps never run (README, Known limits).
/**
 * Stops accepting connections, lets in-flight requests finish, then runs
 * the closing steps in order. Resolves false when `timeoutMs` passed first.
 */
export async function shutDown(
  server: Server,
  steps: readonly ShutdownStep[],
  timeoutMs: number,
): Promise<boolean> {
  const work = (async () => {
    await closeServer(server);
    for (const step of steps) await step.run();
    return true;
  })();

  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const finished = await Promise.race([work, deadline]);
  clearTimeout(timer);
  return finished;
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeIdleConnections();
  });
}
