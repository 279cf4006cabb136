import { randomBytes } from 'node:crypto';
import { createEventStore, tenantOfStream } from '@roster/event-store';
import { createProjectionRuntime } from '@roster/projection-runtime';
import { obliterateQueue } from '@roster/projection-runtime/testing';
import { activeSchemaOf, openReadStore } from '@roster/read-store';
import { createTestDatabase } from '@roster/read-store/testing';
import {
  chunkAppends,
  dumpScimTables,
  generateScimLog,
} from '@roster/projection-scim-resources/testing';
import { createPgClient } from '@roster/sql';
import { projections } from './projections';
import { spawnProjector } from './testing';

jest.setTimeout(300_000);

const redisUrl = 'redis://127.0.0.1:6379';
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it('builds the same read model when SIGKILLed again and again during catch-up', async () => {
  const database = await createTestDatabase();
  const client = createPgClient(database.url);
  const store = await createEventStore({ kind: 'sql', client });
  const readStore = await openReadStore({ client });
  const prefix = `roster-crash-${randomBytes(4).toString('hex')}`;
  const env = {
    DATABASE_URL: database.url,
    REDIS_URL: redisUrl,
    ROSTER_QUEUE_PREFIX: prefix,
    ROSTER_PROJECTION_BATCH: '150',
    ROSTER_PROJECTION_PARTITIONS: '4',
  };

  const last = new Map<string, string>();
  const log = generateScimLog({ seed: 5, events: 20_000, tenants: 8 });
  for (const chunk of chunkAppends(log, 2000)) {
    const results = await store.appendMany(chunk);
    results.forEach((result, i) =>
      last.set(tenantOfStream(chunk[i]!.stream), result.position),
    );
  }

  let kills = 0;
  for (; kills < 8; kills++) {
    const worker = spawnProjector(env);
    await worker.started;
    await pause(200 + Math.random() * 1200);
    worker.child.kill('SIGKILL');
    await worker.exited;
  }

  const final = spawnProjector(env);
  await final.started;
  const runtime = createProjectionRuntime({
    store,
    readStore,
    projections,
    partitions: 4,
  });
  await runtime.start();
  await Promise.all(
    [...last].map(([tenant, position]) =>
      runtime.waitFor(tenant, position, 120_000),
    ),
  );
  final.child.kill('SIGTERM');
  await final.exited;

  const crashed = await activeSchemaOf(readStore.db, 'scim_resources');
  const afterCrashes = await dumpScimTables(readStore.db, crashed!);
  const clean = await runtime.rebuild('scim_resources');
  const cleanRun = await dumpScimTables(readStore.db, clean.schema);

  expect(kills).toBe(8);
  expect(afterCrashes['users']!.length).toBeGreaterThan(1000);
  expect(afterCrashes).toEqual(cleanRun);

  await runtime.close();
  await client.close();
  await obliterateQueue(redisUrl, prefix);
  await database.drop();
});
