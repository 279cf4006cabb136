import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A throwaway PostgreSQL database that one test file owns. */
export interface TestDatabase {
  readonly url: string;
  readonly name: string;
  drop(): Promise<void>;
}

const adminUrl =
  process.env['ROSTER_TEST_ADMIN_URL'] ??
  'postgres://postgres@127.0.0.1:5432/postgres';

/** Creates a database named `roster_test_<random>`; `drop()` removes it. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `roster_test_${randomBytes(6).toString('hex')}`;
  await withAdmin((client) => client.query(`CREATE DATABASE ${name}`));

  const url = new URL(adminUrl);
  url.pathname = `/${name}`;

  return {
    url: url.toString(),
    name,
    drop: async () => {
      await withAdmin((client) =>
        client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
      );
    },
  };
}

async function withAdmin<T>(
  run: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}
