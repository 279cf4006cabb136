import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../main.ts', import.meta.url));

export interface ProjectorProcess {
  readonly child: ChildProcess;
  /** Resolves once the worker logged that it started. */
  readonly started: Promise<void>;
  readonly exited: Promise<unknown>;
}

/** Starts services/projector as its own node process (no wrapper). */
export function spawnProjector(env: Record<string, string>): ProjectorProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    env: { ...process.env, NODE_OPTIONS: '', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = once(child, 'exit');

  const started = new Promise<void>((resolve, reject) => {
    let text = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('projector started')) resolve();
    });
    void exited.then(() =>
      reject(new Error('projector exited before it started')),
    );
  });
  return { child, started, exited };
}
