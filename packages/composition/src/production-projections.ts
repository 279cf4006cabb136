import type { ProductionConfig } from '@roster/config';
import type { Position } from '@roster/event-store';
import { START } from '@roster/event-store';
import {
  createProjectionRuntime,
  openBullmqWaker,
} from '@roster/projection-runtime';
import type { ProjectionRuntime } from '@roster/projection-runtime';
import { activeTraceId } from '@roster/service-kit';
import type { Logger, Metrics } from '@roster/service-kit';
import type { Stores } from './open-stores';
import { rosterProjections } from './projections';
import { waitVisible } from './wait-visible';
import { waitWhileWaking } from './wait-while-waking';

/** What a process that appends but never projects needs (ingress, admin). */
export interface RemoteProjections {
  /** Only for waitFor, health and status: this process runs no unit. */
  readonly runtime: ProjectionRuntime;
  /** Wakes the projectors, then waits for read-your-writes. */
  readonly afterWrite: (tenantId: string, position: Position) => Promise<void>;
  close(): Promise<void>;
}

export interface RemoteProjectionOptions {
  readonly log: Logger;
  readonly metrics: Metrics;
}

/** Wake-ups repeat this often while a write waits for its read models. */
const REWAKE_MS = 200;

/**
 * Production consistency: a deduplicated BullMQ wake-up per unit of the
 * tenant, then the checkpoints' NOTIFY. A wake-up that cannot be sent is
 * made good by the projectors' resync when Redis is back.
 */
export async function openRemoteProjections(
  stores: Stores,
  config: ProductionConfig,
  options: RemoteProjectionOptions,
): Promise<RemoteProjections> {
  const runtime = createProjectionRuntime({
    store: stores.eventStore,
    readStore: stores.readStore,
    projections: rosterProjections,
    partitions: config.ROSTER_PROJECTION_PARTITIONS,
    consistencyTimeoutMs: config.ROSTER_CONSISTENCY_TIMEOUT_MS,
  });
  await runtime.start();
  const opened = openBullmqWaker(runtime, {
    redisUrl: config.REDIS_URL,
    prefix: config.ROSTER_QUEUE_PREFIX,
  });

  const wake = async (tenantId: string, position: Position) => {
    // A request's trace id is known here only when tracing is on.
    const log = options.log.child(activeTraceId());
    try {
      await opened.waker.wake(tenantId);
      log.debug({ tenantId, position }, 'projectors woken');
    } catch (error) {
      options.metrics.wakeFailures.inc();
      log.warn({ err: error, tenantId }, 'wake-up not enqueued');
    }
  };

  return {
    runtime,
    afterWrite: async (tenantId, position) => {
      if (position === START) return;

      await waitWhileWaking(
        () => wake(tenantId, position),
        () =>
          waitVisible(
            runtime,
            tenantId,
            position,
            config.ROSTER_CONSISTENCY_TIMEOUT_MS,
          ),
        REWAKE_MS,
      );
    },
    close: async () => {
      await opened.close();
      await runtime.close();
    },
  };
}
