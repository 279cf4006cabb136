import type {
  QueryOptions,
  SqlClient,
  SqlExecutor,
  SqlResult,
  SqlSession,
} from '../sql-client';

/** One statement as the counting client saw it, whitespace collapsed. */
export interface SeenStatement {
  readonly text: string;
  /** Wall time to its answer; 0 for BEGIN, COMMIT and ROLLBACK. */
  readonly ms: number;
}

/** A real SqlClient that also records every statement it sends. */
export interface CountingSqlClient extends SqlClient {
  /** Statement texts since the last reset; BEGIN and COMMIT included. */
  readonly statements: readonly string[];
  /** The same statements with their times. */
  readonly seen: readonly SeenStatement[];
  reset(): void;
}

type Record = (text: string, ms?: number) => void;

/** Wraps `client`; statements on sessions and in transactions count too. */
export function countingSqlClient(client: SqlClient): CountingSqlClient {
  const seen: SeenStatement[] = [];
  const record: Record = (text, ms = 0) => {
    seen.push({ text: text.replace(/\s+/g, ' ').trim(), ms });
  };

  return {
    kind: client.kind,
    get statements() {
      return seen.map((statement) => statement.text);
    },
    seen,
    reset: () => seen.splice(0),
    query: (text, params, options) =>
      timed(record, text, () => client.query(text, params, options)),
    transaction: (run) => counted(client, record, run),
    listen: (channel, onNotify, onLost) =>
      client.listen(channel, onNotify, onLost),
    openSession: async () => countedSession(await client.openSession(), record),
    close: () => client.close(),
  };
}

async function timed<R>(
  record: Record,
  text: string,
  send: () => Promise<R>,
): Promise<R> {
  const started = performance.now();
  try {
    return await send();
  } finally {
    record(text, performance.now() - started);
  }
}

async function counted<T>(
  executor: SqlExecutor,
  record: Record,
  run: (tx: SqlExecutor) => Promise<T>,
): Promise<T> {
  record('BEGIN');
  try {
    const result = await executor.transaction((tx) =>
      run({
        query: <R>(
          text: string,
          params?: readonly unknown[],
          options?: QueryOptions,
        ) => timed(record, text, () => tx.query<R>(text, params, options)),
        transaction: (inner) => counted(tx, record, inner),
      }),
    );
    record('COMMIT');
    return result;
  } catch (error) {
    record('ROLLBACK');
    throw error;
  }
}

function countedSession(session: SqlSession, record: Record): SqlSession {
  return {
    query: <R>(
      text: string,
      params?: readonly unknown[],
    ): Promise<SqlResult<R>> =>
      timed(record, text, () => session.query<R>(text, params)),
    get lost() {
      return session.lost;
    },
    close: () => session.close(),
  };
}
