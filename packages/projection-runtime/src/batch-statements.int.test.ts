import type { EventStore } from '@roster/event-store';
import { streams } from '@roster/ledger';
import { countingSqlClient, type CountingSqlClient } from '@roster/sql/testing';
import type { ProjectionRuntime } from './projection-runtime';
import type { RunUnit } from './run-unit';
import {
  appendOf,
  openRuntimeHarness,
  roleDefined,
  untilBelowHorizon,
  type RuntimeHarness,
} from './testing';

jest.setTimeout(60_000);

let h: RuntimeHarness<CountingSqlClient>;
let client: CountingSqlClient;
let store: EventStore;
let runtime: ProjectionRuntime;

beforeAll(async () => {
  h = await openRuntimeHarness({
    partitions: 4,
    batchSize: 1000,
    wrap: countingSqlClient,
  });
  ({ client, store, runtime } = h);
});

afterAll(() => h.close());

/** Appends `count` events of a new tenant; its unit is caught up before. */
async function givenTenantWith(tenant: string, count: number) {
  const unit = runtime.unitsOfTenant(tenant)[0] as RunUnit;
  await runtime.catchUp(unit);

  const events = Array.from({ length: count }, (_, i) => roleDefined(`r${i}`));
  if (count > 0) {
    await store.append(appendOf(tenant, streams.roles(tenant), events));
  }
  await untilBelowHorizon(client);
  return unit;
}

/** Statements one catch-up of `unit` sent, its apply's two included. */
async function statementsOfCatchUp(unit: RunUnit): Promise<string[]> {
  client.reset();
  expect(await runtime.catchUp(unit)).toEqual({ state: 'caught-up' });
  return [...client.statements];
}

/** Events this runtime's projection has applied for `tenant`. */
async function appliedOf(tenant: string): Promise<number> {
  const { rows } = await client.query<{ n: string }>(
    'SELECT count(*) AS n FROM tenant_log_v1.tenant_log WHERE tenant_id = $1',
    [tenant],
  );
  return Number(rows[0]?.n);
}

// Lease, unit state, log read, BEGIN, bookkeeping, COMMIT, unlease: 7.
const BOOKKEEPING = 7;
// The order-check projection's apply: one select and one insert.
const APPLY = 2;

it('catches one event up in a single batch of a few statements', async () => {
  const tenant = 't-one';
  const unit = await givenTenantWith(tenant, 1);

  const statements = await statementsOfCatchUp(unit);

  expect(await appliedOf(tenant)).toBe(1);
  expect(statements.length).toBeLessThanOrEqual(BOOKKEEPING + APPLY);
});

it('reads once more after a full batch, and only once', async () => {
  const tenant = 't-full';
  const unit = await givenTenantWith(tenant, 1000);

  const statements = await statementsOfCatchUp(unit);

  expect(await appliedOf(tenant)).toBe(1000);
  // The second unit-state and log read find the log's end.
  expect(statements.length).toBeLessThanOrEqual(BOOKKEEPING + APPLY + 2);
});

it('applies an event held back by an open transaction in a later catch-up', async () => {
  const tenant = 't-held';
  const unit = await givenTenantWith(tenant, 0);
  const holder = await client.openSession();
  await holder.query('BEGIN');
  await holder.query('SELECT pg_current_xact_id()');
  await store.append(
    appendOf(tenant, streams.roles(tenant), [roleDefined('held')]),
  );

  await runtime.catchUp(unit);
  const whileHeld = await appliedOf(tenant);
  await holder.query('COMMIT');
  await holder.close();
  const deadline = Date.now() + 10_000;
  while ((await appliedOf(tenant)) === 0 && Date.now() < deadline) {
    await runtime.catchUp(unit);
  }

  expect(whileHeld).toBe(0);
  expect(await appliedOf(tenant)).toBe(1);
});
