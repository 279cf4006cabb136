import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The server that scratch databases go to; main.ts may set it. */
export function benchPostgresUrl(): string {
  return (
    process.env['BENCH_POSTGRES_URL'] ??
    'postgres://postgres@127.0.0.1:5432/postgres'
  );
}

export interface ScratchDatabase {
  readonly url: string;
  readonly drop: () => Promise<void>;
}

/** A new, empty PostgreSQL database on the local server. */
export async function createScratchDatabase(
  prefix: string,
): Promise<ScratchDatabase> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  await admin(`CREATE DATABASE ${name}`);

  const url = new URL(benchPostgresUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: benchPostgresUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
