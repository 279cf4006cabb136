import { performance } from 'node:perf_hooks';
import type { HttpTarget } from './http-target';
import type { ProgressBar } from './progress-bar';

interface Readiness {
  readonly checks?: {
    readonly projections?: { ok?: boolean; lagEvents?: number };
  };
}

/**
 * Polls the server's /readyz until every projection has applied every
 * event of the log (lag 0); resolves with the seconds it took.
 * @throws Error when `timeoutMs` passes first
 */
export async function waitForProjections(
  baseUrl: string,
  progress: ProgressBar,
  timeoutMs: number,
): Promise<number> {
  const started = performance.now();
  progress.start('projections catching up', 1);

  while (performance.now() - started < timeoutMs) {
    if ((await lagOf(baseUrl)) === 0) {
      progress.finish();
      return (performance.now() - started) / 1000;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`projections not caught up after ${timeoutMs} ms`);
}

async function lagOf(baseUrl: string): Promise<number | undefined> {
  try {
    const reply = await fetch(`${baseUrl}/readyz`);
    const body = (await reply.json()) as Readiness;
    const projections = body.checks?.projections;
    return projections?.ok ? projections.lagEvents : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Polls `path` until it answers 200: lag 0 is measured below PostgreSQL's
 * xmin, so a seeded tenant's last resource proves what it alone cannot.
 * @throws Error when `timeoutMs` passes first
 */
export async function waitForResource(
  target: HttpTarget,
  path: string,
  timeoutMs: number,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    const reply = await target.send('GET', path).catch(() => undefined);
    if (reply?.status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${path} not visible after ${timeoutMs} ms`);
}
