import { createEventStore } from '@roster/event-store';
import { openReadStore } from '@roster/read-store';
import { createPgliteClient } from '@roster/sql';
import { createProjectionRuntime } from '../projection-runtime';
import {
  describeProjectionDriver,
  FailureFeed,
  orderCheckProjection,
} from '../testing';
import { createEmbeddedDriver } from './embedded-driver';

describeProjectionDriver('embedded on PGlite', async () => {
  const client = await createPgliteClient();
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
  const driver = createEmbeddedDriver(runtime, { sweepMs: 500 });

  return {
    store,
    runtime,
    driver,
    db: readStore.db,
    failures,
    close: async () => {
      await runtime.close();
      await client.close();
    },
  };
});
