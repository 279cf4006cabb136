import type { WriteCounter } from './pglite/write-counter';

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
  /**
   * True only for a statement that changes nothing (a plain SELECT): PGlite
   * then leaves it out of `writeCounter`. Default false.
   */
  readonly readOnly?: boolean;
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

/** A connection of its own, outside the pool and outside transactions. */
export interface SqlSession {
  /** One statement; `$1`, `$2`... are bound to `params`, never spliced in. */
  query<R>(text: string, params?: readonly unknown[]): Promise<SqlResult<R>>;
  /** True once the connection dropped; its session state went with it. */
  readonly lost: boolean;
  close(): Promise<void>;
}

/** A connection to PostgreSQL, either a server (`pg`) or PGlite. */
export interface SqlClient extends SqlExecutor {
  readonly kind: 'postgres' | 'pglite';
  /**
   * Counts every statement and transaction of this client that may write.
   * PGlite only: a server has writers that no client of ours sees.
   */
  readonly writeCounter?: WriteCounter;
  /**
   * Calls `onNotify` for every NOTIFY on `channel` (lower-case identifier)
   * until the returned function is called. When the listening connection
   * drops, `onLost` is called once and nothing more is heard: listen again.
   */
  listen(
    channel: string,
    onNotify: (payload: string) => void,
    onLost?: () => void,
  ): Promise<() => Promise<void>>;
  /**
   * A dedicated connection for session state such as advisory locks; the
   * caller closes it. PGlite has one connection: every session is it.
   */
  openSession(): Promise<SqlSession>;
  /** Releases connections (and the PGlite data-directory lock). */
  close(): Promise<void>;
}
