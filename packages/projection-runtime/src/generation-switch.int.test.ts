import { encodePosition } from '@roster/event-store';
import { openReadStore, type ReadStore } from '@roster/read-store';
import { sql } from 'kysely';
import {
  createTestDatabase,
  type TestDatabase,
} from '@roster/read-store/testing';
import { commitBatch } from './commit-batch';
import { activateGeneration, createGeneration } from './generations';
import { readCheckpoint } from './checkpoints';
import type { RunUnit } from './run-unit';
import { orderCheckProjection } from './testing';

let database: TestDatabase;
let readStore: ReadStore;

beforeAll(async () => {
  database = await createTestDatabase();
  readStore = await openReadStore({ url: database.url });
});

afterAll(async () => {
  await readStore.close();
  await database.drop();
});

const projection = orderCheckProjection();
const unit = (schema: string, partition: number): RunUnit => ({
  schema,
  projection: projection.name,
  version: projection.version,
  partition,
  partitionCount: 2,
});

async function generation(schema: string, state: 'active' | 'building') {
  await createGeneration(readStore.db, {
    schema,
    projection: projection.name,
    version: projection.version,
    state,
    partitionCount: 2,
  });
}

async function moveTo(target: RunUnit, position: string): Promise<boolean> {
  const { position: from } = await readCheckpoint(readStore.db, target);
  return commitBatch(readStore.db, target, projection, {
    from,
    to: position,
    events: [],
  });
}

async function stateOf(schema: string): Promise<string | undefined> {
  const row = await readStore.db
    .selectFrom('roster.projection_generations')
    .select('state')
    .where('schema_name', '=', schema)
    .executeTakeFirst();
  return row?.state;
}

it('switches only once the new generation has passed the active one, which then stays where it was', async () => {
  const [early, late] = [encodePosition(5n, 0n), encodePosition(9n, 0n)];
  await generation('switch_old', 'active');
  await generation('switch_new', 'building');
  await moveTo(unit('switch_old', 0), late);
  await moveTo(unit('switch_old', 1), early);
  await moveTo(unit('switch_new', 0), early);
  await moveTo(unit('switch_new', 1), late);

  const behind = await activateGeneration(
    readStore.db,
    projection.name,
    'switch_new',
  );
  expect(behind).toBe(false);
  expect(await stateOf('switch_old')).toBe('active');
  expect(await stateOf('switch_new')).toBe('building');

  await moveTo(unit('switch_new', 0), late);
  const level = await activateGeneration(
    readStore.db,
    projection.name,
    'switch_new',
  );
  expect(level).toBe(true);
  expect(await stateOf('switch_old')).toBe('retired');
  expect(await stateOf('switch_new')).toBe('active');

  const further = encodePosition(12n, 0n);
  expect(await moveTo(unit('switch_old', 1), further)).toBe(false);
  const kept = await readCheckpoint(readStore.db, unit('switch_old', 1));
  expect(kept.position).toBe(early);
  expect(await moveTo(unit('switch_new', 1), further)).toBe(true);
});

/** Waits until some session of this database waits for a row lock. */
async function untilOneWaitsForALock(): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const { rows } = await sql<{ waiting: string }>`
      SELECT count(*) AS waiting FROM pg_stat_activity
      WHERE datname = current_database() AND wait_event_type = 'Lock'`.execute(
      readStore.db,
    );
    if (Number(rows[0]?.waiting) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('no session waits for a lock');
}

it('a batch waits for a switch on the generation row and writes nothing once retired', async () => {
  await generation('lock_order', 'building');
  const target = unit('lock_order', 0);
  const before = await readCheckpoint(readStore.db, target);
  const switcher = await readStore.client.openSession();
  await switcher.query('BEGIN');
  await switcher.query(
    `SELECT state FROM roster.projection_generations
     WHERE schema_name = 'lock_order' FOR UPDATE`,
  );

  const batch = moveTo(target, encodePosition(3n, 0n));
  await untilOneWaitsForALock();
  // Only takeable if the waiting batch holds no checkpoint lock yet.
  await switcher.query("SET LOCAL lock_timeout = '5s'");
  await switcher.query(
    `SELECT position FROM roster.projection_checkpoints
     WHERE schema_name = 'lock_order' FOR UPDATE`,
  );
  await switcher.query(
    `UPDATE roster.projection_generations SET state = 'retired'
     WHERE schema_name = 'lock_order'`,
  );
  await switcher.query('COMMIT');
  await switcher.close();

  expect(await batch).toBe(false);
  expect(await readCheckpoint(readStore.db, target)).toEqual(before);
});
