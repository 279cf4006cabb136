import type { SqlClient, SqlExecutor } from '@roster/sql';

/** One statement as the counting client saw it. */
export interface SeenStatement {
  readonly text: string;
  readonly ms: number;
}

export interface CountingClient {
  readonly client: SqlClient;
  /** Statements since the last call, in order. */
  take(): SeenStatement[];
}

/** Wraps a SqlClient so that every statement it runs is recorded. */
export function countingClient(inner: SqlClient): CountingClient {
  let seen: SeenStatement[] = [];

  const wrap = (executor: SqlExecutor): SqlExecutor => ({
    query: async (text, params, options) => {
      const started = performance.now();
      try {
        return await executor.query(text, params, options);
      } finally {
        seen.push({ text, ms: performance.now() - started });
      }
    },
    transaction: (run) => {
      seen.push({ text: 'BEGIN (transaction)', ms: 0 });
      return executor.transaction((tx) => run(wrap(tx)));
    },
  });

  const client: SqlClient = {
    ...wrap(inner),
    kind: inner.kind,
    listen: (channel, onNotify) => inner.listen(channel, onNotify),
    openSession: () => inner.openSession(),
    close: () => inner.close(),
  };
  return {
    client,
    take: () => {
      const taken = seen;
      seen = [];
      return taken;
    },
  };
}
