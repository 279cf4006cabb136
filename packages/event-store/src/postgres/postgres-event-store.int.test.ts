import {
  createTestDatabase,
  type TestDatabase,
} from '@roster/read-store/testing';
import { createPgClient, createPgliteClient } from '@roster/sql';
import { describeEventStoreContract } from '../testing/event-store-contract';
import { PostgresEventStore } from './postgres-event-store';
import { migrateEventStore } from './schema';

// Each PGlite start compiles its WebAssembly: seconds, not milliseconds.
jest.setTimeout(60_000);

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(() => database.drop());

describeEventStoreContract('postgres', {
  open: async () => {
    const sql = createPgClient(database.url);
    await migrateEventStore(sql);
    return new PostgresEventStore(sql, { ownsClient: true });
  },
  openUnavailable: () =>
    Promise.resolve(
      new PostgresEventStore(
        createPgClient('postgres://postgres@127.0.0.1:1/x'),
        {
          ownsClient: true,
        },
      ),
    ),
});

describeEventStoreContract('pglite in memory', {
  open: async () => {
    const sql = await createPgliteClient();
    await migrateEventStore(sql);
    return new PostgresEventStore(sql, { ownsClient: true });
  },
  openUnavailable: async () => {
    const sql = await createPgliteClient();
    await sql.close();
    return new PostgresEventStore(sql);
  },
});
