import { randomBytes } from 'node:crypto';
import { createEventStore } from '@roster/event-store';
import { openReadStore } from '@roster/read-store';
import { createTestDatabase } from '@roster/read-store/testing';
import { createPgClient } from '@roster/sql';
import { createProjectionRuntime } from '../projection-runtime';
import {
  describeProjectionDriver,
  FailureFeed,
  obliterateQueue,
  orderCheckProjection,
} from '../testing';
import { createBullmqDriver } from './bullmq-worker';

const redisUrl = 'redis://127.0.0.1:6379';

describeProjectionDriver('BullMQ on Redis and PostgreSQL', async () => {
  const database = await createTestDatabase();
  const client = createPgClient(database.url);
  const store = await createEventStore({ kind: 'sql', client });
  const readStore = await openReadStore({ client });
  const failures = new FailureFeed();
  const runtime = createProjectionRuntime({
    store,
    readStore,
    projections: [orderCheckProjection()],
    partitions: 4,
    retry: { baseMs: 50, maxMs: 200 },
    observer: failures.observer,
  });
  await runtime.start();
  const prefix = `roster-test-${randomBytes(4).toString('hex')}`;
  const driver = createBullmqDriver(runtime, {
    redisUrl,
    prefix,
    sweepMs: 500,
  });

  return {
    store,
    runtime,
    driver,
    db: readStore.db,
    failures,
    close: async () => {
      await runtime.close();
      await client.close();
      await obliterateQueue(redisUrl, prefix);
      await database.drop();
    },
  };
});
