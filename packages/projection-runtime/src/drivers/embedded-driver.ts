import { backoffMs } from '../backoff';
import type { ProjectionRuntime } from '../projection-runtime';
import { unitKey, type RunUnit } from '../run-unit';
import type { ProjectionDriver } from './projection-driver';

/** A unit another process is running is looked at again after this. */
const BUSY_RETRY_MS = 200;

export interface EmbeddedDriverOptions {
  /** Every unit is caught up this often, in ms. Default 5000. */
  readonly sweepMs?: number;
  /** A catch-up failed for a reason that is not a handler's; retried. */
  readonly onError?: (error: unknown) => void;
}

/** Drives the runtime in this process: no Redis, woken after appends. */
export function createEmbeddedDriver(
  runtime: ProjectionRuntime,
  options: EmbeddedDriverOptions = {},
): ProjectionDriver {
  const timers = new Map<string, NodeJS.Timeout>();
  const inFlight = new Set<Promise<unknown>>();
  const failures = new Map<string, number>();
  let sweep: NodeJS.Timeout | undefined;
  let unsubscribe: (() => void) | undefined;
  let stopped = true;

  const later = (unit: RunUnit, delayMs: number): void => {
    const key = unitKey(unit);
    if (timers.has(key)) return;
    timers.set(
      key,
      setTimeout(
        () => {
          timers.delete(key);
          run(unit);
        },
        Math.max(0, delayMs),
      ),
    );
  };

  const run = (unit: RunUnit): void => {
    if (stopped) return;
    const key = unitKey(unit);
    const promise = runtime.catchUp(unit).then(
      (result) => {
        failures.delete(key);
        if (result.state === 'blocked')
          later(unit, result.retryAt.getTime() - Date.now());
        if (result.state === 'more') run(unit);
        if (result.state === 'busy') later(unit, BUSY_RETRY_MS);
      },
      (error: unknown) => {
        const attempts = (failures.get(key) ?? 0) + 1;
        failures.set(key, attempts);
        options.onError?.(error);
        later(unit, backoffMs(attempts, { baseMs: 100, maxMs: 10_000 }));
      },
    );
    inFlight.add(promise);
    void promise.finally(() => inFlight.delete(promise));
  };

  const wake = (tenantId: string): void => {
    for (const unit of runtime.unitsOfTenant(tenantId)) run(unit);
  };

  const sweepAll = async (): Promise<void> => {
    const ahead = await runtime
      .refresh()
      .then(() => runtime.logAhead())
      .catch((error: unknown) => {
        options.onError?.(error);
        return true;
      });
    if (ahead) for (const unit of runtime.units()) run(unit);
  };

  return {
    waker: {
      wake: (tenantId) => {
        wake(tenantId);
        return Promise.resolve();
      },
    },
    start: () => {
      stopped = false;
      unsubscribe = runtime.onWake(wake);
      sweep = setInterval(() => void sweepAll(), options.sweepMs ?? 5000);
      for (const unit of runtime.units()) run(unit);
      return Promise.resolve();
    },
    stop: async () => {
      stopped = true;
      unsubscribe?.();
      clearInterval(sweep);
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      await Promise.allSettled([...inFlight]);
    },
  };
}
