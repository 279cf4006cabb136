import type {
  QueryOptions,
  SqlClient,
  SqlExecutor,
  SqlResult,
  SqlSession,
} from '@roster/sql';

/** A real SqlClient that also records every statement it sends. */
export interface CountingSqlClient extends SqlClient {
  /** Statement texts since the last reset; BEGIN and COMMIT included. */
  readonly statements: string[];
  reset(): void;
}

/** Wraps `client`; statements on sessions and in transactions count too. */
export function countingSqlClient(client: SqlClient): CountingSqlClient {
  const statements: string[] = [];
  const record = (text: string): void => {
    statements.push(text.replace(/\s+/g, ' ').trim());
  };

  return {
    kind: client.kind,
    statements,
    reset: () => statements.splice(0),
    query: (text, params, options) => {
      record(text);
      return client.query(text, params, options);
    },
    transaction: (run) => counted(client, record, run),
    listen: (channel, onNotify, onLost) =>
      client.listen(channel, onNotify, onLost),
    openSession: async () => countedSession(await client.openSession(), record),
    close: () => client.close(),
  };
}

async function counted<T>(
  executor: SqlExecutor,
  record: (text: string) => void,
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
        ) => {
          record(text);
          return tx.query<R>(text, params, options);
        },
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

function countedSession(
  session: SqlSession,
  record: (text: string) => void,
): SqlSession {
  return {
    query: <R>(
      text: string,
      params?: readonly unknown[],
    ): Promise<SqlResult<R>> => {
      record(text);
      return session.query<R>(text, params);
    },
    get lost() {
      return session.lost;
    },
    close: () => session.close(),
  };
}
