import type { DomainEvent } from '@roster/domain';
import { createEventStore, type EventStore } from '@roster/event-store';
import { streams } from '@roster/ledger';
import { openReadStore } from '@roster/read-store';
import {
  createTestDatabase,
  type TestDatabase,
} from '@roster/read-store/testing';
import { createPgClient, type SqlClient } from '@roster/sql';
import {
  createProjectionRuntime,
  type ProjectionRuntime,
} from './projection-runtime';
import { appendOf, orderCheckProjection } from './testing';

let database: TestDatabase;
let client: SqlClient;
let store: EventStore;
let runtime: ProjectionRuntime;

beforeAll(async () => {
  database = await createTestDatabase();
  client = createPgClient(database.url);
  store = await createEventStore({ kind: 'sql', client });
  runtime = createProjectionRuntime({
    store,
    readStore: await openReadStore({ client }),
    projections: [orderCheckProjection()],
    partitions: 4,
  });
  await runtime.start();
});

afterAll(async () => {
  await runtime.close();
  await client.close();
  await database.drop();
});

const role = (name: string): DomainEvent => ({
  type: 'RoleDefined',
  data: { role: name, permissions: [] },
});

async function catchUpEveryUnit(): Promise<void> {
  for (const unit of runtime.units()) {
    while ((await runtime.catchUp(unit)).state === 'more');
  }
}

/** Appended events are read once they fall below the cluster's xmin. */
async function untilBelowHorizon(): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const { rows } = await client.query<{ below: boolean | null }>(
      `SELECT max(transaction_id) < pg_snapshot_xmin(pg_current_snapshot())
         AS below FROM es_events`,
    );
    if (rows[0]?.below !== false) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('logAhead (what lets an idle sweep skip its wake-ups)', () => {
  it('is false once every unit has caught up, true after an append, false again after the catch-up', async () => {
    const first = 'ta';
    await store.appendMany([
      appendOf(first, streams.roles(first), [role('a')]),
    ]);
    await untilBelowHorizon();
    await catchUpEveryUnit();
    const idle = await runtime.logAhead();

    // A tenant of one partition only: the others have nothing of theirs.
    const second = 'tb';
    await store.appendMany([
      appendOf(second, streams.roles(second), [role('b')]),
    ]);
    await untilBelowHorizon();
    const afterAppend = await runtime.logAhead();
    await catchUpEveryUnit();
    const afterCatchUp = await runtime.logAhead();

    expect(idle).toBe(false);
    expect(afterAppend).toBe(true);
    expect(afterCatchUp).toBe(false);
  });
});
