import type { Kysely } from 'kysely';
import { createPgliteClient } from '@roster/sql';
import { activeSchemaCache } from './active-schema-cache';
import { activeSchemaOf } from './active-schema-of';
import { openReadStore } from './open-read-store';
import { selectOnActive } from './select-on-active';

// Each PGlite start compiles its WebAssembly: seconds, not milliseconds.
jest.setTimeout(60_000);

interface Items {
  items: { n: number };
}

it('reads the active schema without counting a write of PGlite', async () => {
  const client = await createPgliteClient();
  const store = await openReadStore({ client });
  await client.query('CREATE SCHEMA demo_g1');
  await client.query('CREATE TABLE demo_g1.items (n int PRIMARY KEY)');
  await client.query('INSERT INTO demo_g1.items VALUES (1), (2)');
  await client.query(
    `INSERT INTO roster.projection_generations
       (schema_name, projection, version, state, partition_count)
     VALUES ('demo_g1', 'demo', 1, 'active', 1)`,
  );
  const schemas = activeSchemaCache('demo', (p) => activeSchemaOf(store.db, p));
  const db = store.db as unknown as Kysely<Items>;
  const writes = client.writeCounter?.writes;

  const rows = await selectOnActive(store.db as Kysely<unknown>, schemas, (s) =>
    db.withSchema(s).selectFrom('items').select('n').orderBy('n'),
  );

  expect(rows).toEqual([{ n: 1 }, { n: 2 }]);
  expect(client.writeCounter?.writes).toBe(writes);
  await store.close();
  await client.close();
});
