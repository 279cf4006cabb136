import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { QUEUE_NAME } from '@roster/projection-runtime';
import type { Metrics } from '@roster/service-kit';

/** Sets the queue-depth gauge from BullMQ's counts, before each scrape. */
export function queueDepth(redis: Redis, prefix: string, metrics: Metrics) {
  const queue = new Queue(QUEUE_NAME, { connection: redis, prefix });
  queue.on('error', () => undefined);

  return {
    record: async (): Promise<void> => {
      const counts = await queue.getJobCounts(
        'waiting',
        'delayed',
        'prioritized',
      );
      const waiting = Object.values(counts).reduce((sum, n) => sum + n, 0);
      metrics.queueDepth.set(waiting);
    },
    close: () => queue.close(),
  };
}
