/** What one statement gave back. */
export interface SqlResult<R> {
  readonly rows: R[];
  /** Rows changed by INSERT, UPDATE, DELETE or MERGE; 0 for other commands. */
  readonly affectedRows: number;
}

/** How one statement runs. */
export interface QueryOptions {
  /**
   * Prepares the statement once per connection under this name (`pg`), so
   * a hot query is not parsed and planned again. One name, one text.
   * PGlite ignores it.
   */
  readonly name?: string;
}

/** Runs statements: the client itself, or one open transaction. */
export interface SqlExecutor {
  /** One statement; `$1`, `$2`... are bound to `params`, never spliced in. */
  query<R>(
    text: string,
    params?: readonly unknown[],
    options?: QueryOptions,
  ): Promise<SqlResult<R>>;
  /**
   * Runs `run` in a transaction: committed when it resolves, rolled back
   * when it throws. Inside a transaction this opens a savepoint.
   */
  transaction<T>(run: (tx: SqlExecutor) => Promise<T>): Promise<T>;
}

/** A connection to PostgreSQL, either a server (`pg`) or PGlite. */
export interface SqlClient extends SqlExecutor {
  readonly kind: 'postgres' | 'pglite';
  /**
   * Calls `onNotify` for every NOTIFY on `channel` (lower-case identifier)
   * until the returned function is called.
   */
  listen(
    channel: string,
    onNotify: (payload: string) => void,
  ): Promise<() => Promise<void>>;
  /** Releases connections (and the PGlite data-directory lock). */
  close(): Promise<void>;
}
