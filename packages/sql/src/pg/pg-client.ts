import pg from 'pg';
import { withSavepoint } from '../savepoint';
import type { SqlClient, SqlExecutor, SqlResult } from '../sql-client';
import { SqlUnavailableError, sqlStateOf } from '../sql-errors';
import { PgListener } from './pg-listener';
import { openPgSession } from './pg-session';
import { poolConfig, type PgPoolOptions } from './pool-config';
import { StatementNames } from './statement-names';
import { translatePgError } from './translate-pg-error';

const COUNTED_COMMANDS = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE']);

/** "cached plan must not change result type": a table changed under a name. */
const STALE_PLAN_STATE = '0A000';

/**
 * A SqlClient over a `pg` pool. Connection failures reject with
 * SqlUnavailableError; SQL errors keep their SQLSTATE (see sqlStateOf).
 */
export function createPgClient(
  url: string,
  options: PgPoolOptions = {},
): SqlClient {
  const config = poolConfig(url, options);
  const pool = new pg.Pool(config);
  // An idle connection that dies is dropped by the pool; the next query
  // reports the failure, so there is nothing to do here.
  pool.on('error', () => undefined);

  const listener = new PgListener(config);
  const names = new StatementNames();
  let closed = false;

  const guard = (): void => {
    if (closed) throw new SqlUnavailableError('PostgreSQL client is closed');
  };

  return {
    kind: 'postgres',
    query: async (text, params, options) => {
      guard();
      const name = options?.name ?? names.nameOf(text, params?.length ?? 0);
      return runQuery(pool, text, params, name);
    },
    transaction: async (run) => {
      guard();
      return runTransaction(pool, names, run);
    },
    openSession: async () => {
      guard();
      return openPgSession(config);
    },
    listen: async (channel, onNotify, onLost) => {
      guard();
      return listener.listen(channel, onNotify, onLost);
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await listener.close();
      await pool.end();
    },
  };
}

async function runTransaction<T>(
  pool: pg.Pool,
  names: StatementNames,
  run: (tx: SqlExecutor) => Promise<T>,
): Promise<T> {
  const client = await pool.connect().catch((error: unknown) => {
    throw translatePgError(error);
  });
  // A connection lost mid-transaction also fails the pending query; without
  // a listener its 'error' event would end the process.
  const ignore = (): void => undefined;
  client.on('error', ignore);
  const release = (destroy: boolean): void => {
    client.off('error', ignore);
    client.release(destroy);
  };

  try {
    await runQuery(client, 'BEGIN');
    const result = await run(executorOf(client, names));
    await runQuery(client, 'COMMIT');
    release(false);
    return result;
  } catch (error) {
    const rolledBack = await runQuery(client, 'ROLLBACK').then(
      () => true,
      () => false,
    );
    // A connection that cannot even roll back is destroyed, not reused; so
    // is one whose prepared statements outlived a change of their tables.
    release(!rolledBack || sqlStateOf(error) === STALE_PLAN_STATE);
    throw error;
  }
}

function executorOf(client: pg.PoolClient, names: StatementNames): SqlExecutor {
  const tx: SqlExecutor = {
    query: (text, params, options) =>
      runQuery(
        client,
        text,
        params,
        options?.name ?? names.nameOf(text, params?.length ?? 0),
      ),
    transaction: (run) => withSavepoint(tx, run),
  };
  return tx;
}

async function runQuery<R>(
  queryable: pg.Pool | pg.PoolClient,
  text: string,
  params: readonly unknown[] = [],
  name?: string,
): Promise<SqlResult<R>> {
  try {
    const values = [...params];
    const result = await queryable.query(
      name === undefined ? { text, values } : { name, text, values },
    );
    return {
      rows: result.rows as R[],
      affectedRows: COUNTED_COMMANDS.has(result.command)
        ? (result.rowCount ?? 0)
        : 0,
    };
  } catch (error) {
    throw translatePgError(error);
  }
}
