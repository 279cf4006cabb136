import type { SqlExecutor } from '@roster/sql';

export interface StreamState {
  /** Revision of the last event, or null when the stream has none. */
  readonly revision: number | null;
  readonly deleted: boolean;
}

/**
 * Takes a transaction-scoped advisory lock per stream, in one global
 * order. An advisory lock assigns no transaction id, so the writer that
 * gets a stream next always gets a larger id: a stream's events then
 * sort by revision in the (transaction_id, global_position) log order.
 */
export async function lockStreams(
  tx: SqlExecutor,
  streams: readonly string[],
): Promise<void> {
  const ordered = [...new Set(streams)].sort();
  for (const stream of ordered) {
    await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
      stream,
    ]);
  }
}

export async function readStreamState(
  sql: SqlExecutor,
  stream: string,
): Promise<StreamState> {
  const { rows } = await sql.query<{
    revision: number | null;
    deleted: boolean;
  }>(
    `SELECT revision, deleted_at IS NOT NULL AS deleted
     FROM es_streams WHERE stream = $1`,
    [stream],
  );

  const row = rows[0];
  return row ?? { revision: null, deleted: false };
}
