import type { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { ProjectionRuntime } from '../projection-runtime';
import { addWake, openQueue, QUEUE_NAME, type WakeJob } from './bullmq-queue';
import { inSendSpan } from './job-trace';
import type { Waker } from './projection-driver';

/**
 * The ingress side: adds a deduplicated wake-up per unit of the tenant.
 * Rejects when Redis is unreachable; the sweep then catches up.
 */
export function createBullmqWaker(
  runtime: Pick<ProjectionRuntime, 'unitsOfTenant'>,
  queue: Queue<WakeJob>,
): Waker {
  return {
    wake: async (tenantId) => {
      const units = runtime.unitsOfTenant(tenantId);
      await inSendSpan(QUEUE_NAME, units.length, () =>
        Promise.all(units.map((unit) => addWake(queue, unit))),
      );
    },
  };
}

export interface OpenedWaker {
  readonly waker: Waker;
  close(): Promise<void>;
}

/**
 * A waker for a process that only appends (the ingress). Fails fast while
 * Redis is down instead of queueing commands.
 */
export function openBullmqWaker(
  runtime: Pick<ProjectionRuntime, 'unitsOfTenant'>,
  options: { readonly redisUrl: string; readonly prefix?: string },
): OpenedWaker {
  const connection = new Redis(options.redisUrl, {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
  });
  connection.on('error', () => undefined);
  const queue = openQueue(connection, options);

  return {
    waker: createBullmqWaker(runtime, queue),
    close: async () => {
      await queue.close();
      connection.disconnect();
    },
  };
}
