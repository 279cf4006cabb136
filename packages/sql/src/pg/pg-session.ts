import pg from 'pg';
import type { SqlSession } from '../sql-client';
import { translatePgError } from './translate-pg-error';

const COUNTED_COMMANDS = /^(INSERT|UPDATE|DELETE|MERGE)$/;

/** Connects one `pg.Client` of its own. @throws SqlUnavailableError */
export async function openPgSession(
  config: pg.ClientConfig,
): Promise<SqlSession> {
  const client = new pg.Client(config);
  let lost = false;
  let queue: Promise<unknown> = Promise.resolve();
  // A dropped connection fails its pending queries; the event only marks it.
  client.on('error', () => (lost = true));
  client.on('end', () => (lost = true));

  await client.connect().catch((error: unknown) => {
    throw translatePgError(error);
  });

  return {
    get lost() {
      return lost;
    },
    query: async <R>(text: string, params: readonly unknown[] = []) => {
      // One statement at a time: pg no longer wants to queue them itself.
      const turn = queue.then(() => client.query(text, [...params]));
      queue = turn.catch(() => undefined);
      const result = await turn.catch((error: unknown) => {
        throw translatePgError(error);
      });
      const counted = COUNTED_COMMANDS.test(result.command);
      return {
        rows: result.rows as R[],
        affectedRows: counted ? (result.rowCount ?? 0) : 0,
      };
    },
    close: async () => {
      if (!lost) await client.end();
    },
  };
}
