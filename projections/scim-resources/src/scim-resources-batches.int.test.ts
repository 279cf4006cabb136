import { createEventStore, type EventStore } from '@roster/event-store';
import {
  createProjectionRuntime,
  type RegisteredProjection,
} from '@roster/projection-runtime';
import { activeSchemaOf, openReadStore } from '@roster/read-store';
import { createPgliteClient } from '@roster/sql';
import { scimResourcesProjection } from './scim-resources-projection';
import { chunkAppends, dumpScimTables, generateScimLog } from './testing';

jest.setTimeout(60_000);

it('builds from batches of 200 what it builds one event at a time', async () => {
  const events = await createPgliteClient();
  const store = await createEventStore({ kind: 'sql', client: events });
  const log = generateScimLog({ seed: 23, events: 300, tenants: 2 });
  for (const chunk of chunkAppends(log, 200)) await store.appendMany(chunk);

  const single = await build(store, scimResourcesProjection, 1);
  const batched = await build(store, scimResourcesProjection, 200);

  expect(single['users']!.length).toBeGreaterThan(20);
  expect(single['groups']!.length).toBeGreaterThan(5);
  expect(single['members']!.length).toBeGreaterThan(20);
  expect(batched).toEqual(single);
  await store.close();
  await events.close();
});

/** The projection built into a read store of its own, then dumped. */
async function build(
  store: EventStore,
  projection: RegisteredProjection,
  batchSize: number,
) {
  const client = await createPgliteClient();
  const readStore = await openReadStore({ client });
  const runtime = createProjectionRuntime({
    store,
    readStore,
    projections: [projection],
    partitions: 1,
    batchSize,
  });
  await runtime.start();
  await Promise.all(runtime.units().map((unit) => runtime.catchUp(unit)));

  const schema = await activeSchemaOf(readStore.db, projection.name);
  const dump = await dumpScimTables(readStore.db, schema!);
  await runtime.close();
  await client.close();
  return dump;
}
