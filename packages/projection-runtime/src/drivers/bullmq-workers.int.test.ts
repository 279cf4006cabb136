import { randomBytes, randomUUID } from 'node:crypto';
import { createEventStore, type EventStore } from '@roster/event-store';
import { streams } from '@roster/ledger';
import { openReadStore, type ReadStore } from '@roster/read-store';
import {
  createTestDatabase,
  type TestDatabase,
} from '@roster/read-store/testing';
import { createPgClient, type SqlClient } from '@roster/sql';
import { sql } from 'kysely';
import {
  createProjectionRuntime,
  type ProjectionRuntime,
} from '../projection-runtime';
import {
  appendOf,
  obliterateQueue,
  orderCheckProjection,
  RedisServer,
  spawnOrderCheckWorker,
  roleDefined,
} from '../testing';
import { createBullmqDriver } from './bullmq-worker';
import { openBullmqWaker } from './bullmq-waker';

jest.setTimeout(90_000);

const mainRedis = 'redis://127.0.0.1:6379';
let database: TestDatabase;
let client: SqlClient;
let store: EventStore;
let readStore: ReadStore;
let runtime: ProjectionRuntime;

beforeAll(async () => {
  database = await createTestDatabase();
  client = createPgClient(database.url);
  store = await createEventStore({ kind: 'sql', client });
  readStore = await openReadStore({ client });
  runtime = createProjectionRuntime({
    store,
    readStore,
    projections: [orderCheckProjection()],
    partitions: 8,
  });
  await runtime.start();
});

afterAll(async () => {
  await runtime.close();
  await client.close();
  await database.drop();
});

/** Appends `rounds` events per tenant in interleaved rounds. */
async function appendRounds(
  tenants: readonly string[],
  rounds: number,
  wake: (t: string) => Promise<void>,
) {
  const last = new Map<string, string>();
  for (let round = 0; round < rounds; round++) {
    const results = await store.appendMany(
      tenants.map((tenant) =>
        appendOf(tenant, streams.roles(tenant), [roleDefined(`r${round}`)]),
      ),
    );
    results.forEach((result, i) => last.set(tenants[i]!, result.position));
    await Promise.all(
      tenants.map((tenant) => wake(tenant).catch(() => undefined)),
    );
  }
  return last;
}

async function revisionsOf(tenant: string): Promise<number[]> {
  const { rows } = await sql<{
    revision: number;
  }>`SELECT revision FROM tenant_log_v1.tenant_log
    WHERE tenant_id = ${tenant} ORDER BY position`.execute(readStore.db);
  return rows.map((row) => row.revision);
}

it('two worker processes share the partitions and keep each tenant in order', async () => {
  const prefix = `roster-two-${randomBytes(4).toString('hex')}`;
  const env = {
    DATABASE_URL: database.url,
    REDIS_URL: mainRedis,
    ROSTER_QUEUE_PREFIX: prefix,
  };
  const workers = [spawnOrderCheckWorker(env), spawnOrderCheckWorker(env)];
  await Promise.all(workers.map((worker) => worker.started));
  const opened = openBullmqWaker(runtime, { redisUrl: mainRedis, prefix });
  const tenants = Array.from(
    { length: 40 },
    () => `w${randomUUID().slice(0, 8)}`,
  );

  const last = await appendRounds(tenants, 25, (t) => opened.waker.wake(t));
  await Promise.all(
    [...last].map(([tenant, position]) =>
      runtime.waitFor(tenant, position, 60_000),
    ),
  );

  for (const tenant of tenants) {
    expect(await revisionsOf(tenant)).toEqual(
      Array.from({ length: 25 }, (_, i) => i),
    );
  }
  expect(workers.every((worker) => worker.partitions.size > 0)).toBe(true);

  for (const worker of workers) worker.child.kill('SIGTERM');
  await Promise.all(workers.map((worker) => worker.exited));
  await opened.close();
  await obliterateQueue(mainRedis, prefix);
});

it('a worker whose Redis dies and comes back empty catches up again', async () => {
  const redis = new RedisServer(20_000 + Math.floor(Math.random() * 20_000));
  await redis.start();
  const prefix = `roster-outage-${randomBytes(4).toString('hex')}`;
  const driver = createBullmqDriver(runtime, {
    redisUrl: redis.url,
    prefix,
    sweepMs: 500,
  });
  await driver.start();
  const opened = openBullmqWaker(runtime, { redisUrl: redis.url, prefix });
  const tenants = Array.from(
    { length: 6 },
    () => `o${randomUUID().slice(0, 8)}`,
  );

  const before = await appendRounds(tenants, 3, (t) => opened.waker.wake(t));
  await Promise.all(
    [...before].map(([tenant, position]) =>
      runtime.waitFor(tenant, position, 20_000),
    ),
  );
  await redis.kill();
  const during = await appendRounds(tenants, 3, (t) => opened.waker.wake(t));
  await redis.start();
  await Promise.all(
    [...during].map(([tenant, position]) =>
      runtime.waitFor(tenant, position, 30_000),
    ),
  );

  for (const tenant of tenants) {
    expect(await revisionsOf(tenant)).toEqual([0, 1, 2, 3, 4, 5]);
  }
  await driver.stop();
  await opened.close();
  await redis.kill();
});
