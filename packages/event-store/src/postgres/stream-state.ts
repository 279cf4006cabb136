import type { SqlExecutor } from '@roster/sql';

export interface StreamState {
  /** Revision of the last event, or null when the stream has none. */
  readonly revision: number | null;
  readonly deleted: boolean;
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
