import { sql, type Kysely } from 'kysely';
import { createPgClient } from '@roster/sql';
import { activeSchemaCache } from './active-schema-cache';
import { activeSchemaOf } from './active-schema-of';
import { openReadStore, type ReadStore } from './open-read-store';
import { selectOnActive } from './select-on-active';
import { createTestDatabase, type TestDatabase } from './testing';

interface Items {
  items: { n: number; label: string };
}

let database: TestDatabase;
let store: ReadStore;

beforeAll(async () => {
  database = await createTestDatabase();
  store = await openReadStore({ client: createPgClient(database.url) });
  for (const schema of ['demo_g1', 'demo_g2']) {
    await store.client.query(`CREATE SCHEMA ${schema}`);
    await store.client.query(
      `CREATE TABLE ${schema}.items (n int PRIMARY KEY, label text)`,
    );
  }
  await store.client.query(
    `INSERT INTO demo_g1.items SELECT n, 'old ' || n FROM generate_series(1, 5) n`,
  );
  await store.client.query(
    `INSERT INTO demo_g2.items SELECT n, 'new ' || n FROM generate_series(1, 5) n`,
  );
  await setGenerations({ demo_g1: 'active', demo_g2: 'building' });
});

afterAll(async () => {
  await store.client.close();
  await database.drop();
});

async function setGenerations(states: Record<string, string>): Promise<void> {
  await store.client.transaction(async (tx) => {
    await tx.query(`DELETE FROM roster.projection_generations`);
    for (const [schema, state] of Object.entries(states)) {
      await tx.query(
        `INSERT INTO roster.projection_generations
           (schema_name, projection, version, state, partition_count)
         VALUES ($1, 'demo', 1, $2, 1)`,
        [schema, state],
      );
    }
  });
}

function labels(schemas: ReturnType<typeof activeSchemaCache>, below: number) {
  const db = store.db as unknown as Kysely<Items>;
  return selectOnActive(store.db as Kysely<unknown>, schemas, (schema) =>
    db
      .withSchema(schema)
      .selectFrom('items')
      .select(['n', 'label'])
      .where('n', '<', below)
      .orderBy('n', 'desc'),
  );
}

describe('selectOnActive', () => {
  it('reads the active schema in the order the query asks', async () => {
    const schemas = activeSchemaCache('demo', (p) =>
      activeSchemaOf(store.db, p),
    );

    expect(await labels(schemas, 4)).toEqual([
      { n: 3, label: 'old 3' },
      { n: 2, label: 'old 2' },
      { n: 1, label: 'old 1' },
    ]);
    expect(await labels(schemas, 0)).toEqual([]);
  });

  it('never answers from a schema retired after it was cached', async () => {
    const schemas = activeSchemaCache('demo', (p) =>
      activeSchemaOf(store.db, p),
    );
    expect(await schemas.current()).toBe('demo_g1');

    await setGenerations({ demo_g1: 'retired', demo_g2: 'active' });
    const afterSwitch = await labels(schemas, 3);
    const emptyAfterSwitch = await labels(schemas, 0);
    await setGenerations({ demo_g1: 'active', demo_g2: 'building' });

    expect(afterSwitch).toEqual([
      { n: 2, label: 'new 2' },
      { n: 1, label: 'new 1' },
    ]);
    expect(emptyAfterSwitch).toEqual([]);
    expect(await schemas.current()).toBe('demo_g2');
  });

  it('takes the parameters of the query as they are', async () => {
    const schemas = activeSchemaCache('demo', (p) =>
      activeSchemaOf(store.db, p),
    );
    const db = store.db as unknown as Kysely<Items>;

    const rows = await selectOnActive(
      store.db as Kysely<unknown>,
      schemas,
      (schema) =>
        db
          .withSchema(schema)
          .selectFrom('items')
          .select(sql<string>`label || ${'!'}`.as('shout'))
          .where('n', '=', 5),
    );

    expect(rows).toEqual([{ shout: 'old 5!' }]);
  });
});
