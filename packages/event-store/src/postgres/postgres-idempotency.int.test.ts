import {
  createTestDatabase,
  type TestDatabase,
} from '@roster/read-store/testing';
import { createPgClient, type SqlClient } from '@roster/sql';
import { WrongExpectedVersionError } from '../errors';
import {
  anEvent,
  events,
  newStream,
  newTenant,
} from '../testing/contract/fixtures';
import { PostgresEventStore } from './postgres-event-store';
import { migrateEventStore } from './schema';

let database: TestDatabase;
let sql: SqlClient;
let store: PostgresEventStore;

beforeAll(async () => {
  database = await createTestDatabase();
  sql = createPgClient(database.url);
  await migrateEventStore(sql);
  store = new PostgresEventStore(sql);
});

afterAll(async () => {
  await sql.close();
  await database.drop();
});

describe('PostgreSQL event store, retries and event ids', () => {
  it('runs migrate again without harm', async () => {
    await Promise.all([migrateEventStore(sql), migrateEventStore(sql)]);
  });

  it('lets the same append raced twice succeed once, with one result', async () => {
    const request = {
      stream: newStream(newTenant()),
      events: events(2),
      expected: 'no-stream',
    } as const;

    const [a, b] = await Promise.all([
      store.append(request),
      store.append(request),
    ]);

    expect(a).toEqual(b);
    expect(await store.readStream(request.stream)).toHaveLength(2);
  });

  it('refuses event ids that are stored at another place', async () => {
    const stream = newStream(newTenant());
    const reused = anEvent();
    await store.append({ stream, events: [reused], expected: 'no-stream' });
    await store.append({ stream, events: events(1), expected: 0 });

    const elsewhere = store.append({ stream, events: [reused], expected: 1 });

    await expect(elsewhere).rejects.toBeInstanceOf(WrongExpectedVersionError);
    await expect(elsewhere).rejects.toMatchObject({ actual: 1 });
  });

  it('maps a unique violation from a concurrent writer to a conflict', async () => {
    const tenant = newTenant();
    const shared = anEvent();
    const [left, right] = [newStream(tenant), newStream(tenant)];

    const outcomes = await Promise.allSettled([
      store.append({ stream: left, events: [shared], expected: 'no-stream' }),
      store.append({ stream: right, events: [shared], expected: 'no-stream' }),
    ]);

    const failed = outcomes.filter((o) => o.status === 'rejected');
    expect(failed).toHaveLength(1);
    expect((failed[0] as PromiseRejectedResult).reason).toBeInstanceOf(
      WrongExpectedVersionError,
    );
  });
});
