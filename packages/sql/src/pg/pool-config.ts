import type pg from 'pg';

export interface PgPoolOptions {
  /** Most connections the pool opens. Default 10. */
  readonly max?: number;
  /** Give up connecting after this many ms. Default 5000. */
  readonly connectTimeoutMs?: number;
  /**
   * The server ends a session idle inside a transaction for this many ms,
   * because an open transaction holds back the event log's read horizon
   * (snapshot xmin is cluster-wide). Default 5000.
   */
  readonly idleInTransactionTimeoutMs?: number;
}

/** Pool settings shared by the SqlClient and Kysely's own pg dialect. */
export function poolConfig(url: string, options: PgPoolOptions): pg.PoolConfig {
  const idleInTransaction = options.idleInTransactionTimeoutMs ?? 5000;

  return {
    connectionString: url,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
    options: `-c idle_in_transaction_session_timeout=${Math.trunc(idleInTransaction)}`,
  };
}
