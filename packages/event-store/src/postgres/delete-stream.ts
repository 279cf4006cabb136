import type { SqlExecutor } from '@roster/sql';
import { StreamDeletedError } from '../errors';
import { tenantOfStream } from '../stream-name';

/**
 * Tombstones a stream in one statement. An append that raced it may
 * still commit: it counts as having come first, as readers cannot tell.
 * @throws StreamDeletedError when it was deleted already
 */
export async function deleteStream(
  sql: SqlExecutor,
  stream: string,
): Promise<void> {
  const { rows } = await sql.query(
    `INSERT INTO es_streams (stream, tenant_id, revision, deleted_at)
     VALUES ($1, $2, NULL, now())
     ON CONFLICT (stream) DO UPDATE SET deleted_at = now()
     WHERE es_streams.deleted_at IS NULL
     RETURNING stream`,
    [stream, tenantOfStream(stream)],
  );
  if (rows.length === 0) throw new StreamDeletedError(stream);
}
