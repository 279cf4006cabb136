import { randomInt } from 'node:crypto';
import {
  createTestDatabase,
  type TestDatabase,
} from '@roster/read-store/testing';
import { createPgClient, type SqlClient } from '@roster/sql';
import type {
  AppendRequest,
  AppendResult,
  RecordedEvent,
} from '../event-store';
import { START, type Position } from '../position';
import { events, newStream, newTenant } from '../testing/contract/fixtures';
import { appendRequests } from './append-requests';
import { PostgresEventStore } from './postgres-event-store';
import { migrateEventStore } from './schema';
import { isLostRace } from './to-store-error';

const WRITERS = 24;
const APPENDS_PER_WRITER = 12;

let database: TestDatabase;
let sql: SqlClient;
let store: PostgresEventStore;

beforeAll(async () => {
  database = await createTestDatabase();
  sql = createPgClient(database.url, { max: WRITERS + 4 });
  await migrateEventStore(sql);
  store = new PostgresEventStore(sql);
});

afterAll(async () => {
  await sql.close();
  await database.drop();
});

const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The store's own append statement and retry, with the commit held back
 * for `holdMs` so that commits land out of position order.
 */
async function slowAppend(
  request: AppendRequest,
  holdMs: number,
): Promise<AppendResult> {
  for (;;) {
    try {
      return await sql.transaction(async (tx) => {
        const [result] = await appendRequests(tx, [request]);
        await tx.query('SELECT pg_sleep($1::float / 1000)', [holdMs]);
        return result as AppendResult;
      });
    } catch (error) {
      if (!isLostRace(error)) throw error;
    }
  }
}

describe('concurrent appends on PostgreSQL', () => {
  it(`delivers every event of ${WRITERS} racing writers exactly once, in stream order`, async () => {
    const tenant = newTenant();
    const shared = Array.from({ length: 4 }, () => newStream(tenant));
    const committed = new Set<string>();
    let writing = true;

    const reader = tail(() => writing, committed);
    await Promise.all(
      Array.from({ length: WRITERS }, (_, writer) =>
        runWriter(writer, shared, newStream(tenant), committed),
      ),
    );
    writing = false;
    const delivered = await reader;

    const ids = delivered.map((event) => event.id);
    expect(committed.size).toBe(WRITERS * APPENDS_PER_WRITER * 2);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual([...committed].sort());
    expectEveryStreamInRevisionOrder(delivered);
  });

  it('lets racing multi-stream appends in opposite orders all commit', async () => {
    const tenant = newTenant();
    const [left, right] = [newStream(tenant), newStream(tenant)];
    const appendBoth = (writer: number) => {
      const pair = [
        { stream: left, events: events(1), expected: 'any' as const },
        { stream: right, events: events(1), expected: 'any' as const },
      ];
      return store.appendMany(writer % 2 === 0 ? pair : pair.reverse());
    };

    await Promise.all(
      Array.from({ length: 16 }, async (_, writer) => {
        for (let n = 0; n < 5; n++) await appendBoth(writer);
      }),
    );

    for (const stream of [left, right]) {
      const read = await store.readStream(stream);
      expect(read.map((e) => e.revision)).toEqual([...Array(80).keys()]);
    }
  });

  it('shows that a reader ordering by global_position alone skips events', async () => {
    const tenant = newTenant();
    const [early, late] = [newStream(tenant), newStream(tenant)];
    const from = await headGlobalPosition();
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));

    const slow = sql.transaction(async (tx) => {
      await appendRequests(tx, [
        { stream: early, events: events(1), expected: 'any' },
      ]);
      await held;
    });
    await sleep(50);
    await store.append({ stream: late, events: events(1), expected: 'any' });

    const naiveFirst = await naiveRead(from);
    const ourFirst = await store.readAll({
      from: START,
      limit: 1000,
      tenantId: tenant,
    });
    release();
    await slow;
    const naiveCheckpoint = naiveFirst.reduce(
      (max, row) => (row > max ? row : max),
      from,
    );
    const naiveSecond = await naiveRead(naiveCheckpoint);
    const ours = await readTenant(tenant, ourFirst.next, 2);

    expect(naiveFirst).toHaveLength(1);
    expect(naiveSecond).toHaveLength(0);
    expect(ourFirst.events).toHaveLength(0);
    expect(ours.events.map((e) => e.stream)).toEqual([early, late]);
  });
});

async function runWriter(
  writer: number,
  shared: readonly string[],
  own: string,
  committed: Set<string>,
): Promise<void> {
  for (let n = 0; n < APPENDS_PER_WRITER; n += 1) {
    const hot = shared[(writer + n) % shared.length] as string;
    const toHot = events(1);
    const toOwn = events(1);

    await sleep(randomInt(3));
    await slowAppend(
      { stream: hot, events: toHot, expected: 'any' },
      randomInt(8),
    );
    for (const event of toHot) committed.add(event.id);

    await slowAppend(
      { stream: own, events: toOwn, expected: n === 0 ? 'no-stream' : n - 1 },
      randomInt(15),
    );
    for (const event of toOwn) committed.add(event.id);
  }
}

async function tail(
  writing: () => boolean,
  committed: ReadonlySet<string>,
): Promise<RecordedEvent[]> {
  const delivered: RecordedEvent[] = [];
  let from: Position = START;

  for (;;) {
    const batch = await store.readAll({ from, limit: 7 });
    delivered.push(...batch.events);
    from = batch.next;

    const done = !writing() && delivered.length >= committed.size;
    if (done && batch.events.length === 0) return delivered;
    if (batch.events.length < 7) await store.waitForAppend(from, 100);
  }
}

function expectEveryStreamInRevisionOrder(delivered: readonly RecordedEvent[]) {
  const next = new Map<string, number>();
  for (const event of delivered) {
    expect(event.revision).toBe(next.get(event.stream) ?? 0);
    next.set(event.stream, event.revision + 1);
  }
}

async function headGlobalPosition(): Promise<string> {
  const { rows } = await sql.query<{ max: string }>(
    'SELECT coalesce(max(global_position), 0)::text AS max FROM es_events',
  );
  return rows[0]?.max ?? '0';
}

/**
 * The tenant's events after `from`, read again until `count` came: a
 * transaction elsewhere on the server may hold the snapshot's xmin back.
 */
async function readTenant(tenant: string, from: Position, count: number) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const batch = await store.readAll({ from, limit: 1000, tenantId: tenant });
    if (batch.events.length >= count || Date.now() > deadline) return batch;
    await sleep(25);
  }
}

/** What a reader that trusts global_position would do. */
async function naiveRead(after: string): Promise<string[]> {
  const { rows } = await sql.query<{ position: string }>(
    `SELECT global_position::text AS position FROM es_events
     WHERE global_position > $1::bigint ORDER BY global_position`,
    [after],
  );
  return rows.map((row) => row.position);
}
