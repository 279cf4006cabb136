import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(
  new URL('./order-check-worker.ts', import.meta.url),
);

export interface WorkerProcess {
  readonly child: ChildProcess;
  readonly started: Promise<void>;
  readonly exited: Promise<unknown>;
  /** Partitions this process committed batches of, so far. */
  readonly partitions: Set<number>;
}

/** Starts order-check-worker.ts as its own node process. */
export function spawnOrderCheckWorker(
  env: Record<string, string>,
): WorkerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, NODE_OPTIONS: '', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = once(child, 'exit');
  const partitions = new Set<number>();

  const started = new Promise<void>((resolve, reject) => {
    let pending = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'worker started') resolve();
        else if (line.startsWith('{')) {
          partitions.add((JSON.parse(line) as { partition: number }).partition);
        }
      }
    });
    void exited.then(() =>
      reject(new Error('worker exited before it started')),
    );
  });
  return { child, started, exited, partitions };
}
