import { createEventStore } from '@roster/event-store';
import { createProjectionRuntime } from '@roster/projection-runtime';
import { activeSchemaOf, openReadStore } from '@roster/read-store';
import { createPgliteClient } from '@roster/sql';
import { scimResourcesProjection } from './scim-resources-projection';
import { chunkAppends, dumpScimTables, generateScimLog } from './testing';

jest.setTimeout(120_000);

// TODO(limit): 10,000 events here (appending to PGlite is the slow part);
// 100,000 and 1,000,000 run in scripts/src/bench/projection-rebuild.ts.
it('a rebuild from scratch equals the incrementally built read model', async () => {
  const client = await createPgliteClient();
  const store = await createEventStore({ kind: 'sql', client });
  const readStore = await openReadStore({ client });
  const log = generateScimLog({ seed: 7, events: 10_000, tenants: 6 });
  const incremental = createProjectionRuntime({
    store,
    readStore,
    projections: [scimResourcesProjection],
    partitions: 3,
    batchSize: 97,
  });
  await incremental.start();

  for (const chunk of chunkAppends(log, 1500)) {
    await store.appendMany(chunk);
    await Promise.all(
      incremental
        .units()
        .map((unit) => incremental.catchUp(unit, { maxBatches: 9 })),
    );
  }
  await Promise.all(
    incremental.units().map((unit) => incremental.catchUp(unit)),
  );
  const before = await activeSchemaOf(readStore.db, 'scim_resources');
  const built = await dumpScimTables(readStore.db, before!);

  const rebuilt = await incremental.rebuild('scim_resources');
  const after = await dumpScimTables(readStore.db, rebuilt.schema);

  expect(built['users']!.length).toBeGreaterThan(500);
  expect(built['members']!.length).toBeGreaterThan(1000);
  expect(rebuilt.dropped).toEqual([before]);
  expect(await activeSchemaOf(readStore.db, 'scim_resources')).toBe(
    rebuilt.schema,
  );
  expect(after).toEqual(built);

  await incremental.close();
  await client.close();
});
