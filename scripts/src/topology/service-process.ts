import { spawn, type ChildProcess } from 'node:child_process';
import { serviceCommand } from './node-flags';
import { repoRoot } from './repo-root';

export type ServiceKind = 'ingress' | 'access' | 'projector';

const mains: Record<ServiceKind, string> = {
  ingress: 'services/scim-ingress/src/main.ts',
  access: 'services/access-api/src/main.ts',
  projector: 'services/projector/src/main.ts',
};

/** Output kept per process, for diagnostics: the last 256 KiB. */
const keptBytes = 256 * 1024;

export interface ServiceProcess {
  readonly kind: ServiceKind;
  readonly url: string;
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
  /** What the process wrote to stdout and stderr lately. */
  output(): string;
}

/** Node's arguments for one service: its flags, the loader, its main. */
export function serviceArgs(kind: ServiceKind): string[] {
  return serviceCommand(mains[kind]);
}

/** Starts one service as its own node process, configured by `env` only. */
export function spawnService(
  kind: ServiceKind,
  port: number,
  env: Readonly<Record<string, string>>,
): ServiceProcess {
  const root = repoRoot();
  const child = spawn(process.execPath, serviceArgs(kind), {
    cwd: root,
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? root,
      NODE_OPTIONS: '',
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-keptBytes);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );

  return {
    kind,
    url: `http://127.0.0.1:${port}`,
    child,
    exited,
    output: () => output,
  };
}

/** Polls `path` until it answers 200; throws if the process dies first. */
export async function waitForService(
  service: ServiceProcess,
  path = '/readyz',
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;

  while (Date.now() < deadline) {
    if (service.child.exitCode !== null || service.child.signalCode !== null) {
      throw new Error(`${service.kind} exited: ${service.output()}`);
    }
    const ok = await fetch(`${service.url}${path}`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`${service.kind} not ready: ${service.output()}`);
}
