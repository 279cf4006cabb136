import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const repoRoot = join(import.meta.dirname, '../../..');

export interface ChildServer {
  readonly child: ChildProcess;
  readonly pid: number;
  /** Resolves with the exit code once the process ends. */
  readonly exited: Promise<number | null>;
  output(): string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves with the exit code. */
  stop(graceMs?: number): Promise<number | null>;
}

export interface ChildOptions {
  /** TypeScript entry point, relative to the repository root. */
  readonly entry: string;
  readonly env: Record<string, string>;
  /** Extra node flags, e.g. `--cpu-prof`. */
  readonly nodeFlags?: readonly string[];
  /** Arguments of the entry point. */
  readonly args?: readonly string[];
  /** Called with each whole line the child writes to stdout. */
  readonly onLine?: (line: string) => void;
}

/** Runs a TypeScript entry point as `node --import tsx`, so pid is node's. */
export function startChild(options: ChildOptions): ChildServer {
  const args = [
    ...(options.nodeFlags ?? []),
    '--import',
    'tsx',
    options.entry,
    ...(options.args ?? []),
  ];
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: { PATH: process.env['PATH'] ?? '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  if (options.onLine) child.stdout.on('data', lineSplitter(options.onLine));
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => resolve(code)),
  );

  return {
    child,
    pid: child.pid ?? 0,
    exited,
    output: () => output,
    stop: (graceMs = 15_000) => stopChild(child, exited, graceMs),
  };
}

function lineSplitter(onLine: (line: string) => void) {
  let partial = '';
  return (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) onLine(line);
  };
}

async function stopChild(
  child: ChildProcess,
  exited: Promise<number | null>,
  graceMs: number,
): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  child.kill('SIGTERM');

  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  const code = await exited;
  clearTimeout(timer);
  return code;
}

/** Polls `url` until it answers 2xx, the process dies, or time runs out. */
export async function waitForHttp(
  server: ChildServer,
  url: string,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) {
      throw new Error(`server exited early:\n${server.output()}`);
    }
    const ok = await fetch(url).then(
      (reply) => reply.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no answer from ${url}:\n${server.output()}`);
}
