import { performance } from 'node:perf_hooks';
import type { EventStore } from '@roster/event-store';
import { streams } from '@roster/ledger';
import type { ReadStore } from '@roster/read-store';
import type { SqlClient } from '@roster/sql';
import type { ProjectionRuntime } from './projection-runtime';
import { ConsistencyWaiter, type WaitTarget } from './consistency-waiter';
import {
  appendOf,
  openRuntimeHarness,
  roleDefined,
  type RuntimeHarness,
} from './testing';

jest.setTimeout(60_000);

let h: RuntimeHarness<SqlClient>;
let client: SqlClient;
let store: EventStore;
let runtime: ProjectionRuntime;
let readStore: ReadStore;

beforeAll(async () => {
  h = await openRuntimeHarness({ partitions: 2 });
  ({ client, store, runtime, readStore } = h);
});

afterAll(() => h.close());

/** Backends of this test's database whose last statement was a LISTEN. */
async function listeners(): Promise<number[]> {
  const { rows } = await client.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity
     WHERE datname = current_database() AND query LIKE 'LISTEN%'`,
  );
  return rows.map((row) => row.pid);
}

async function terminateListeners(): Promise<number[]> {
  const pids = await listeners();
  expect(pids).toHaveLength(1);
  await client.query(
    'SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) pid',
    [pids],
  );
  return pids;
}

async function newListener(old: readonly number[]): Promise<number> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const fresh = (await listeners()).find((pid) => !old.includes(pid));
    if (fresh !== undefined) return fresh;
    await sleep(25);
  }
  throw new Error('the waiter did not LISTEN again within 10 s');
}

async function appendRole(tenant: string, name: string): Promise<string> {
  const [result] = await store.appendMany([
    appendOf(tenant, streams.roles(tenant), [roleDefined(name)]),
  ]);
  return result!.position;
}

/**
 * Catches the tenant's partition up until its checkpoint passed `position`
 * (a transaction elsewhere on the server can hold the log's horizon back).
 */
async function catchUpPast(tenant: string, position: string): Promise<void> {
  const [unit] = runtime.unitsOfTenant(tenant);
  for (let tries = 0; tries < 200; tries++) {
    await runtime.catchUp(unit!);
    const { rows } = await client.query<{ position: string }>(
      `SELECT position FROM roster.projection_checkpoints
       WHERE schema_name = $1 AND partition = $2`,
      [unit!.schema, unit!.partition],
    );
    if ((rows[0]?.position ?? '') >= position) return;
    await sleep(50);
  }
  throw new Error(`partition of ${tenant} did not pass ${position}`);
}

/** 'pending' when `promise` has not settled within `ms`. */
function stateAfter(promise: Promise<unknown>, ms: number) {
  return Promise.race([
    promise.then(() => 'resolved' as const),
    sleep(ms).then(() => 'pending' as const),
  ]);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

it('listens again after its connection was terminated and is woken by NOTIFY', async () => {
  const old = await terminateListeners();
  const fresh = await newListener(old);

  const position = await appendRole('relisten-a', 'r1');
  const waited = runtime.waitFor('relisten-a', position, 5000);
  expect(await stateAfter(waited, 200)).toBe('pending');
  await catchUpPast('relisten-a', position);
  const committed = performance.now();
  await waited;
  const heardMs = performance.now() - committed;

  expect(fresh).not.toBe(old[0]);
  // No polling in the waiter: only the NOTIFY can end a pending wait here.
  expect(heardMs).toBeLessThan(1000);
});

it('ends a wait whose commit fell into the outage by re-reading checkpoints', async () => {
  const position = await appendRole('relisten-b', 'r1');
  const waited = runtime.waitFor('relisten-b', position, 8000);
  expect(await stateAfter(waited, 100)).toBe('pending');

  const old = await terminateListeners();
  await catchUpPast('relisten-b', position);
  await newListener(old);

  expect(await stateAfter(waited, 2000)).toBe('resolved');
});

it('keeps listening through several drops in a row', async () => {
  for (let drop = 0; drop < 3; drop++) {
    await newListener(await terminateListeners());
  }

  const position = await appendRole('relisten-c', 'r1');
  const waited = runtime.waitFor('relisten-c', position, 5000);
  expect(await stateAfter(waited, 100)).toBe('pending');
  await catchUpPast('relisten-c', position);

  expect(await stateAfter(waited, 1000)).toBe('resolved');
});

it('does not end a wait when the targets cannot be read after a reconnect', async () => {
  const position = await appendRole('relisten-d', 'r1');
  const [unit] = runtime.unitsOfTenant('relisten-d');
  let reads = 0;
  const targetsOf = (): Promise<WaitTarget[]> => {
    reads += 1;
    if (reads > 1) return Promise.reject(new Error('read store unreachable'));
    return Promise.resolve([
      { schema: unit!.schema, partition: unit!.partition },
    ]);
  };
  const waiter = new ConsistencyWaiter(client, readStore.db, targetsOf);
  await waiter.start();

  const waited = waiter.waitFor('relisten-d', position, 1500);
  expect(await stateAfter(waited, 100)).toBe('pending');
  const old = await listeners();
  await client.query(
    'SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) pid',
    [old],
  );
  await newListener(old);
  const state = await stateAfter(waited, 500);
  await waiter.stop();
  await waited.catch(() => undefined);

  expect(reads).toBeGreaterThan(1);
  expect(state).toBe('pending');
});
