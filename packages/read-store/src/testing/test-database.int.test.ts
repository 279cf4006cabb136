import pg from 'pg';
import { createTestDatabase } from './test-database';

describe('createTestDatabase', () => {
  it('creates a database that accepts connections and drops it after', async () => {
    const db = await createTestDatabase();
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query<{ name: string }>(
      'SELECT current_database() AS name',
    );
    await client.end();
    await db.drop();

    expect(rows[0]?.name).toBe(db.name);
  });
});
