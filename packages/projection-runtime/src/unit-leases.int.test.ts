import { createEventStore, type EventStore } from '@roster/event-store';
import { streams } from '@roster/ledger';
import { openReadStore } from '@roster/read-store';
import {
  createTestDatabase,
  type TestDatabase,
} from '@roster/read-store/testing';
import { createPgClient, type SqlClient } from '@roster/sql';
import { sql } from 'kysely';
import {
  createProjectionRuntime,
  type ProjectionRuntime,
} from './projection-runtime';
import type { RunUnit } from './run-unit';
import { appendOf, orderCheckProjection, roleDefined } from './testing';
import { createUnitLeases } from './unit-leases';

jest.setTimeout(60_000);

interface Runner {
  readonly runtime: ProjectionRuntime;
  readonly client: SqlClient;
  committed: number;
  discarded: number;
  busy: number;
}

let database: TestDatabase;
let client: SqlClient;
let store: EventStore;

beforeAll(async () => {
  database = await createTestDatabase();
  client = createPgClient(database.url);
  store = await createEventStore({ kind: 'sql', client });
});

afterAll(async () => {
  await client.close();
  await database.drop();
});

/** A runtime with a connection pool (and lease session) of its own. */
async function openRunner(): Promise<Runner> {
  const own = createPgClient(database.url);
  const runner: Runner = {
    client: own,
    committed: 0,
    discarded: 0,
    busy: 0,
    runtime: createProjectionRuntime({
      store: await createEventStore({ kind: 'sql', client: own }),
      readStore: await openReadStore({ client: own }),
      projections: [orderCheckProjection()],
      partitions: 4,
      batchSize: 5,
      observer: {
        batchCommitted: () => (runner.committed += 1),
        batchDiscarded: () => (runner.discarded += 1),
      },
    }),
  };
  await runner.runtime.start();
  return runner;
}

async function appendRounds(tenants: readonly string[], rounds: number) {
  for (let round = 0; round < rounds; round++) {
    await store.appendMany(
      tenants.map((tenant) =>
        appendOf(tenant, streams.roles(tenant), [roleDefined(`r${round}`)]),
      ),
    );
  }
}

/** One batch at a time on every unit, until `events` were applied. */
async function drive(runner: Runner, events: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  while ((await appliedEvents()) < events && Date.now() < deadline) {
    await Promise.all(
      runner.runtime.units().map(async (unit) => {
        const result = await runner.runtime.catchUp(unit, { maxBatches: 1 });
        if (result.state === 'busy') runner.busy += 1;
      }),
    );
  }
}

async function appliedEvents(): Promise<number> {
  const { rows } = await client.query<{ applied: string | null }>(
    'SELECT sum(events_applied) AS applied FROM roster.projection_checkpoints',
  );
  return Number(rows[0]?.applied ?? 0);
}

it('two runners share the partitions, one at a time each, and waste no batch', async () => {
  const tenants = Array.from({ length: 16 }, (_, i) => `lease-t${i}`);
  await appendRounds(tenants, 20);
  const first = await openRunner();
  const second = await openRunner();

  const events = tenants.length * 20;
  await Promise.all([drive(first, events), drive(second, events)]);

  const { rows } = await sql<{ tenant_id: string; revisions: number[] }>`
    SELECT tenant_id, array_agg(revision ORDER BY position) AS revisions
    FROM tenant_log_v1.tenant_log GROUP BY tenant_id`.execute(
    (await openReadStore({ client })).db,
  );
  const applied = await appliedEvents();
  for (const runner of [first, second]) {
    await runner.runtime.close();
    await runner.client.close();
  }

  expect(rows).toHaveLength(tenants.length);
  for (const row of rows) {
    expect(row.revisions).toEqual(Array.from({ length: 20 }, (_, i) => i));
  }
  expect(applied).toBe(events);
  expect(first.committed).toBeGreaterThan(0);
  expect(second.committed).toBeGreaterThan(0);
  expect(first.discarded + second.discarded).toBe(0);
  expect(first.busy + second.busy).toBeGreaterThan(0);
});

it('a lease dies with its connection and can then be taken elsewhere', async () => {
  const unit: RunUnit = {
    schema: 'lease_probe',
    projection: 'lease_probe',
    version: 1,
    partition: 3,
    partitionCount: 4,
  };
  const mine = createUnitLeases(client);
  const theirs = createUnitLeases(client);

  const held = await mine.tryTake(unit);
  const whileHeld = await theirs.tryTake(unit);
  // The timeout makes it wait until the backend is gone with its lock.
  await client.query(
    `SELECT pg_terminate_backend(pid, 5000) FROM pg_locks
     WHERE locktype = 'advisory' AND granted AND database =
       (SELECT oid FROM pg_database WHERE datname = current_database())`,
  );
  await held!.release();
  const afterDrop = await theirs.tryTake(unit);
  const mineAgain = await mine.tryTake(unit);
  await afterDrop!.release();
  const mineAfterRelease = await mine.tryTake(unit);
  await mineAfterRelease?.release();
  await mine.close();
  await theirs.close();

  expect(held).toBeDefined();
  expect(whileHeld).toBeUndefined();
  expect(afterDrop).toBeDefined();
  expect(mineAgain).toBeUndefined();
  expect(mineAfterRelease).toBeDefined();
});
