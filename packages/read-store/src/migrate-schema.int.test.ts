import { createKysely, createPgliteClient, type SqlClient } from '@roster/sql';
import { sql, type Kysely } from 'kysely';
import { activeSchemaOf } from './active-schema-of';
import type { Migration } from './migration';
import { dropSchema, migrateSchema } from './migrate-schema';
import { openReadStore } from './open-read-store';

jest.setTimeout(60_000);

let client: SqlClient;
let db: Kysely<unknown>;

beforeAll(async () => {
  client = await createPgliteClient();
  db = createKysely<unknown>(client);
});
afterAll(() => client.close());

const createNotes: Migration = {
  name: '001-notes',
  up: async (trx) => {
    await sql`CREATE TABLE notes (id integer PRIMARY KEY)`.execute(trx);
  },
};

describe('migrateSchema', () => {
  it('runs each migration once, inside its own schema', async () => {
    const first = await migrateSchema(db, 'notes_v1', [createNotes]);
    const again = await migrateSchema(db, 'notes_v1', [createNotes]);
    const { rows } = await sql<{ schema: string }>`
      SELECT table_schema AS schema FROM information_schema.tables
      WHERE table_name = 'notes'`.execute(db);

    expect(first).toEqual(['001-notes']);
    expect(again).toEqual([]);
    expect(rows).toEqual([{ schema: 'notes_v1' }]);
  });

  it('forgets a dropped schema, so it can be built again', async () => {
    await migrateSchema(db, 'notes_v2', [createNotes]);
    await dropSchema(db, 'notes_v2');

    expect(await migrateSchema(db, 'notes_v2', [createNotes])).toEqual([
      '001-notes',
    ]);
  });

  it('refuses schema names that are not plain identifiers', async () => {
    await expect(migrateSchema(db, 'x; DROP', [])).rejects.toThrow(TypeError);
  });
});

describe('openReadStore', () => {
  it('creates the runtime tables on a shared client', async () => {
    const store = await openReadStore({ client });

    expect(await activeSchemaOf(store.db, 'nothing_yet')).toBeUndefined();
    await store.close();
  });
});
