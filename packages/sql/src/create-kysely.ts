import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { SqlClientDialect } from './kysely/sql-client-dialect';
import { poolConfig, type PgPoolOptions } from './pg/pool-config';
import type { SqlClient } from './sql-client';

/**
 * Kysely over a SqlClient (shared; not closed by `db.destroy()`), or over
 * its own `pg` pool for a URL (closed by `db.destroy()`).
 */
export function createKysely<DB>(
  source: SqlClient | string,
  options: PgPoolOptions = {},
): Kysely<DB> {
  if (typeof source !== 'string') {
    return new Kysely<DB>({ dialect: new SqlClientDialect(source) });
  }

  const pool = new pg.Pool(poolConfig(source, options));
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
}
