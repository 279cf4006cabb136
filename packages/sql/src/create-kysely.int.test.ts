import {
  createTestDatabase,
  type TestDatabase,
} from '@roster/read-store/testing';
import { sql as raw, type Kysely } from 'kysely';
import { createKysely } from './create-kysely';
import { createPgClient } from './pg/pg-client';
import { createPgliteClient } from './pglite/pglite-client';
import type { SqlClient } from './sql-client';

// Each PGlite start compiles its WebAssembly: seconds, not milliseconds.
jest.setTimeout(60_000);

interface DB {
  notes: { id: number; body: string };
}

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(() => database.drop());

describe.each([
  ['PGlite client', () => createPgliteClient()],
  ['pg client', () => Promise.resolve(createPgClient(database.url))],
])('createKysely over a %s', (_name, open: () => Promise<SqlClient>) => {
  let client: SqlClient;
  let db: Kysely<DB>;

  beforeAll(async () => {
    client = await open();
    db = createKysely<DB>(client);
    await raw`CREATE TABLE notes (id int PRIMARY KEY, body text)`.execute(db);
  });

  beforeEach(() => db.deleteFrom('notes').execute());

  afterAll(async () => {
    await db.destroy();
    await client.close();
  });

  it('inserts and selects typed rows', async () => {
    const inserted = await db
      .insertInto('notes')
      .values({ id: 1, body: 'hello' })
      .executeTakeFirstOrThrow();

    const rows = await db.selectFrom('notes').selectAll().execute();

    expect(inserted.numInsertedOrUpdatedRows).toBe(1n);
    expect(rows).toEqual([{ id: 1, body: 'hello' }]);
  });

  it('commits a transaction and rolls back a failed one', async () => {
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('notes').values({ id: 1, body: 'kept' }).execute();
    });
    const failed = db.transaction().execute(async (trx) => {
      await trx.insertInto('notes').values({ id: 2, body: 'lost' }).execute();
      throw new Error('boom');
    });

    await expect(failed).rejects.toThrow('boom');
    const ids = await db.selectFrom('notes').select('id').execute();
    expect(ids).toEqual([{ id: 1 }]);
  });

  it('applies the isolation level of a transaction', async () => {
    const level = await db
      .transaction()
      .setIsolationLevel('serializable')
      .execute(async (trx) => {
        const result = await raw<{
          transaction_isolation: string;
        }>`SHOW transaction_isolation`.execute(trx);
        return result.rows[0]?.transaction_isolation;
      });

    expect(level).toBe('serializable');
  });

  it('shares the client with raw transactions without mixing them', async () => {
    const order: string[] = [];
    const kysely = db.transaction().execute(async (trx) => {
      order.push('kysely begin');
      await trx.insertInto('notes').values({ id: 1, body: 'k' }).execute();
      await new Promise((resolve) => setTimeout(resolve, 30));
      order.push('kysely end');
    });
    const plain = client.transaction(async (tx) => {
      await tx.query("INSERT INTO notes VALUES (2, 'p')");
      order.push('raw');
    });

    await Promise.all([kysely, plain]);

    const count = await db.selectFrom('notes').select('id').execute();
    expect(count).toHaveLength(2);
    if (client.kind === 'pglite') {
      expect(order.indexOf('raw')).not.toBe(1);
    }
  });
});

describe('createKysely over a URL', () => {
  it('opens its own pool and closes it on destroy', async () => {
    const db = createKysely<DB>(database.url);

    const result = await raw<{ one: number }>`SELECT 1 AS one`.execute(db);
    await db.destroy();

    expect(result.rows).toEqual([{ one: 1 }]);
  });
});
