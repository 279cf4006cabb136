import type { SqlExecutor } from '@roster/sql';
import { StreamDeletedError } from '../errors';
import type { ReadStreamOptions, RecordedEvent } from '../event-store';
import { EVENT_COLUMNS, toRecordedEvent, type EventRow } from './event-row';

type StreamRow = Partial<EventRow> & { readonly stream_deleted: boolean };

// One statement: the events and the tombstone come from one snapshot.
const READ_STREAM = `
  SELECT EXISTS (SELECT 1 FROM es_streams
      WHERE stream = $1 AND deleted_at IS NOT NULL) AS stream_deleted, e.*
  FROM (SELECT 1) AS one LEFT JOIN LATERAL (
    SELECT ${EVENT_COLUMNS} FROM es_events
    WHERE stream = $1 AND revision >= $2
    ORDER BY revision LIMIT $3
  ) AS e ON true
  ORDER BY e.revision`;

/** A stream's events in revision order. @throws StreamDeletedError */
export async function readStream(
  sql: SqlExecutor,
  stream: string,
  options: ReadStreamOptions,
): Promise<RecordedEvent[]> {
  const { rows } = await sql.query<StreamRow>(READ_STREAM, [
    stream,
    options.fromRevision ?? 0,
    options.limit ?? null,
  ]);

  if (rows[0]?.stream_deleted) throw new StreamDeletedError(stream);
  return rows.filter(isEventRow).map(toRecordedEvent);
}

function isEventRow(row: StreamRow): row is StreamRow & EventRow {
  return row.global_position !== undefined && row.global_position !== null;
}
