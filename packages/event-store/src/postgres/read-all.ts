import type { SqlExecutor } from '@roster/sql';
import type { ReadAllBatch, ReadAllOptions } from '../event-store';
import { decodePosition, maxPosition } from '../position';
import {
  EVENT_COLUMNS,
  rowPosition,
  toRecordedEvent,
  type EventRow,
} from './event-row';

interface BatchRow extends Partial<EventRow> {
  readonly tail_transaction_id: string;
  readonly tail_global_position: string;
}

// One statement, so both parts see the same snapshot: only transactions
// below its xmin are read (all of them have ended, nothing can commit
// before them any more), and the tail is the last such row.
const READ_ALL = `
  WITH horizon AS MATERIALIZED (
    SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin
  ), tail AS (
    SELECT transaction_id, global_position FROM es_events
    WHERE transaction_id < (SELECT xmin FROM horizon)
    ORDER BY transaction_id DESC, global_position DESC LIMIT 1
  ), batch AS (
    SELECT ${EVENT_COLUMNS} FROM es_events
    WHERE (transaction_id, global_position) > ($1::text::xid8, $2::bigint)
      AND transaction_id < (SELECT xmin FROM horizon)
      AND ($3::text IS NULL OR tenant_id = $3::text)
      AND ($4::int IS NULL OR tenant_hash % $4::int = $5::int)
    ORDER BY es_events.transaction_id, es_events.global_position
    LIMIT $6
  )
  SELECT tail.transaction_id::text AS tail_transaction_id,
    tail.global_position::text AS tail_global_position, batch.*
  FROM tail LEFT JOIN batch ON true
  ORDER BY batch.transaction_id::xid8, batch.global_position::bigint`;

/** Events strictly after `from` in (transaction id, position) order. */
export async function readAll(
  sql: SqlExecutor,
  options: ReadAllOptions,
): Promise<ReadAllBatch> {
  const [transactionId, globalPosition] = decodePosition(options.from);
  const { partition } = options;

  const { rows } = await sql.query<BatchRow>(
    READ_ALL,
    [
      transactionId.toString(),
      globalPosition.toString(),
      options.tenantId ?? null,
      partition?.count ?? null,
      partition?.index ?? null,
      options.limit,
    ],
    { readOnly: true },
  );

  const events = rows.filter(isEventRow).map(toRecordedEvent);
  const tail = rows[0];
  const last = events[events.length - 1];

  if (last && events.length === options.limit) {
    return { events, next: last.position };
  }
  const caughtUp = tail
    ? rowPosition(tail.tail_transaction_id, tail.tail_global_position)
    : options.from;
  return { events, next: maxPosition(options.from, caughtUp) };
}

function isEventRow(row: BatchRow): row is BatchRow & EventRow {
  return row.global_position !== undefined && row.global_position !== null;
}
