import { PGlite, type Transaction } from '@electric-sql/pglite';
import { assertChannelName } from '../channel-name';
import { withSavepoint } from '../savepoint';
import type {
  QueryOptions,
  SqlClient,
  SqlExecutor,
  SqlResult,
  SqlSession,
} from '../sql-client';
import { SqlUnavailableError } from '../sql-errors';
import { lockDataDir } from './data-dir-lock';
import { FairTurns } from './fair-turns';
import { countedWrites } from './write-counter';

export interface PgliteClientOptions {
  /** Directory to persist to; in memory when absent. */
  readonly dataDir?: string;
}

/**
 * A SqlClient over one PGlite instance. PGlite runs every query and
 * transaction one after the other in call order (see its int test), so
 * transactions of separate async flows never interleave. Calling the
 * client itself from inside one of its transactions waits forever: use
 * the `tx` handed to the callback. Every statement, session statement
 * and transaction counts in `writeCounter` unless marked `readOnly`.
 * Throws DataDirLockedError when another process holds `dataDir`.
 */
export async function createPgliteClient(
  options: PgliteClientOptions = {},
): Promise<SqlClient> {
  const { dataDir } = options;
  const release = dataDir === undefined ? null : await lockDataDir(dataDir);

  const db = await PGlite.create(
    dataDir === undefined ? {} : { dataDir },
  ).catch(async (error: unknown) => {
    await release?.();
    throw error;
  });

  return pgliteClient(db, release);
}

function pgliteClient(
  db: PGlite,
  release: (() => Promise<void>) | null,
): SqlClient {
  let closed = false;
  const turns = new FairTurns();
  const { counter, count } = countedWrites();

  const guard = (): void => {
    if (closed) throw new SqlUnavailableError('PGlite client is closed');
  };

  return {
    kind: 'pglite',
    writeCounter: counter,
    query: async <R>(
      text: string,
      params?: readonly unknown[],
      options?: QueryOptions,
    ) => {
      guard();
      const run = () => runQuery<R>(db, turns, text, params);
      return options?.readOnly ? run() : count(run);
    },
    transaction: async (run) => {
      guard();
      return count(async () => {
        await turns.take();
        return db.transaction((tx) => run(executorOf(tx, turns)));
      });
    },
    openSession: () => {
      guard();
      const session: SqlSession = {
        query: (text, params) => count(() => runQuery(db, turns, text, params)),
        lost: false,
        close: () => Promise.resolve(),
      };
      return Promise.resolve(session);
    },
    listen: async (channel, onNotify) => {
      guard();
      const stop = await db.listen(assertChannelName(channel), onNotify);
      return () => (closed ? Promise.resolve() : stop());
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await db.close();
      await release?.();
    },
  };
}

function executorOf(tx: Transaction, turns: FairTurns): SqlExecutor {
  const executor: SqlExecutor = {
    query: (text, params) => runQuery(tx, turns, text, params),
    transaction: (run) => withSavepoint(executor, run),
  };
  return executor;
}

async function runQuery<R>(
  queryable: PGlite | Transaction,
  turns: FairTurns,
  text: string,
  params: readonly unknown[] = [],
): Promise<SqlResult<R>> {
  await turns.take();
  const result = await queryable.query<R>(text, [...params]);
  return { rows: result.rows, affectedRows: result.affectedRows ?? 0 };
}
