// A projector-like child process for tests: orderCheckProjection on BullMQ.
// Prints one JSON line per committed batch; env DATABASE_URL, REDIS_URL,
// ROSTER_QUEUE_PREFIX.
import { createEventStore } from '@roster/event-store';
import { openReadStore } from '@roster/read-store';
import { createBullmqDriver } from '../drivers/bullmq-worker';
import { createProjectionRuntime } from '../projection-runtime';
import { orderCheckProjection } from './order-check-projection';

const url = process.env['DATABASE_URL'] ?? '';
const store = await createEventStore({ kind: 'postgres', url });
const readStore = await openReadStore({ url });
const runtime = createProjectionRuntime({
  store,
  readStore,
  projections: [orderCheckProjection()],
  partitions: 8,
  batchSize: 20,
  observer: {
    batchCommitted: (sample) =>
      console.log(JSON.stringify({ pid: process.pid, ...sample })),
  },
});
await runtime.start();

const driver = createBullmqDriver(runtime, {
  redisUrl: process.env['REDIS_URL'] ?? '',
  prefix: process.env['ROSTER_QUEUE_PREFIX'] ?? 'roster',
  concurrency: 4,
  batchesPerJob: 2,
});
await driver.start();
console.log('worker started');
