import type { Redis } from 'ioredis';
import { START } from '@roster/event-store';
import type { ProjectionRuntime } from '@roster/projection-runtime';
import type { Metrics } from '@roster/service-kit';
import type { Stores } from './open-stores';
import { redisIsReady } from './redis-connection';

/** One dependency /readyz asks about; `check` throws when it is not ready. */
export interface ReadinessCheck {
  readonly name: string;
  check(): Promise<Record<string, unknown> | void>;
}

export interface Readiness {
  readonly ready: boolean;
  readonly checks: Record<string, Record<string, unknown>>;
}

const checkTimeoutMs = 2000;

/** Runs every check at once, each bounded by a short timeout. */
export async function readinessOf(
  checks: readonly ReadinessCheck[],
): Promise<Readiness> {
  const results = await Promise.all(checks.map(runCheck));
  return {
    ready: results.every((result) => result.ok === true),
    checks: Object.fromEntries(
      checks.map((check, i) => [check.name, results[i] ?? {}]),
    ),
  };
}

async function runCheck(check: ReadinessCheck) {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), checkTimeoutMs);
  });

  try {
    const detail = await Promise.race([check.check(), timeout]);
    return { ok: true, ...(detail ?? {}) };
  } catch (error) {
    // Only our own short reason: a driver message may name hosts or users.
    return { ok: false, reason: reasonOf(error) };
  } finally {
    clearTimeout(timer);
  }
}

function reasonOf(error: unknown): string {
  const name = error instanceof Error ? error.name : 'Error';
  return name === 'Error' ? 'unavailable' : name;
}

/** The event store and the read store answer a trivial read. */
export function storeChecks(stores: Stores): ReadinessCheck[] {
  return [
    {
      name: 'eventStore',
      check: async () => {
        await stores.eventStore.readAll({ from: START, limit: 1 });
      },
    },
    {
      name: 'readStore',
      check: async () => {
        await stores.readStore.client.query('SELECT 1');
      },
    },
  ];
}

export function redisCheck(redis: Redis): ReadinessCheck {
  return {
    name: 'redis',
    check: () => {
      if (!redisIsReady(redis)) throw new RedisDownError();
      return Promise.resolve();
    },
  };
}

class RedisDownError extends Error {
  override readonly name = 'RedisUnreachable';
}

/**
 * Stopped projections make the service unready; lag is reported (and
 * exported as metrics) but does not, since shedding traffic cannot help it.
 */
export function projectionCheck(
  runtime: ProjectionRuntime,
  metrics: Metrics,
): ReadinessCheck {
  return {
    name: 'projections',
    check: async () => {
      const [health, statuses] = await Promise.all([
        runtime.health(),
        runtime.status(),
      ]);
      const lag = recordLag(statuses, metrics);
      if (!health.ready) throw new ProjectionStoppedError();
      return { lagEvents: lag.events, lagSeconds: lag.seconds };
    },
  };
}

class ProjectionStoppedError extends Error {
  override readonly name = 'ProjectionStopped';
}

type Statuses = Awaited<ReturnType<ProjectionRuntime['status']>>;

/** Sets the lag and failure gauges; returns the worst lag. */
export function recordLag(statuses: Statuses, metrics: Metrics) {
  const failures = new Map<string, number>();
  let events = 0;
  let seconds = 0;

  for (const status of statuses) {
    if (status.state === 'retired') continue;
    const labels = {
      projection: status.schema,
      partition: String(status.partition),
    };
    metrics.projectionLagEvents.set(labels, status.lagEvents);
    metrics.projectionLagSeconds.set(labels, status.lagSeconds);
    events = Math.max(events, status.lagEvents);
    seconds = Math.max(seconds, status.lagSeconds);
    const failed = status.failure ? 1 : 0;
    failures.set(status.schema, (failures.get(status.schema) ?? 0) + failed);
  }
  for (const [projection, count] of failures) {
    metrics.projectionFailures.set({ projection }, count);
  }
  return { events, seconds };
}
