import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../../../..');
const main = join(root, 'services/all-in-one/src/main.ts');
const tsx = join(root, 'node_modules/.bin/tsx');

export interface ServerProcess {
  readonly child: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code once the process ended and its output was read. */
  readonly exited: Promise<number | null>;
}

/** Starts `pnpm start`'s entry point as a real process. */
export function runServer(env: Record<string, string>): ServerProcess {
  const child = spawn(tsx, [main], {
    cwd: root,
    env: { PATH: process.env['PATH'] ?? '', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.on('close', (code) => resolve(code)),
  );

  return { child, output: () => output, exited };
}

/** Polls /healthz until it answers, or the process dies. */
export async function waitUntilHealthy(
  server: ServerProcess,
  port: number,
): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null)
      throw new Error(`server exited: ${server.output()}`);
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`server never became healthy: ${server.output()}`);
}
