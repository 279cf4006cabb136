import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A database of its own on the local server, dropped by `drop()`. */
export interface FreshDatabase {
  readonly url: string;
  readonly name: string;
  drop(): Promise<void>;
}

export const localAdminUrl = 'postgres://postgres@127.0.0.1:5432/postgres';

/** Creates `roster_topology_<random>` (a safe identifier by construction). */
export async function createFreshDatabase(
  adminUrl = localAdminUrl,
): Promise<FreshDatabase> {
  const name = `roster_topology_${randomBytes(6).toString('hex')}`;
  await withAdmin(adminUrl, (client) =>
    client.query(`CREATE DATABASE ${name}`),
  );

  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () =>
      withAdmin(adminUrl, async (client) => {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      }),
  };
}

/** Runs one statement batch on the server's maintenance database. */
export async function withAdmin<T>(
  adminUrl: string,
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
