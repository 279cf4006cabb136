import type { SqlExecutor } from '@roster/sql';
import type { LogQuery, StoredEvent } from '../event-store';
import { timeBoundsOf, type TimeBounds } from '../log-query';
import { decodePosition, START } from '../position';
import { readAhead, type Page } from '../read-ahead';

// Positions, times and JSON as text, shaped as StoredEvent: the rows are
// handed over as they come, with nothing parsed or copied.
const COLUMNS = `
  lpad(to_hex(transaction_id::text::bigint), 16, '0') || '.' ||
    lpad(to_hex(global_position), 16, '0') AS position,
  stream, revision, id::text AS id, type, version,
  data::text AS data, metadata::text AS metadata,
  to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
    AS "recordedAt"`;

// The instant of log-query.ts: ISO-8601 text compares as time does.
const INSTANT = `CASE
  WHEN metadata->>'occurredAt' ~
    '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}Z$'
  THEN metadata->>'occurredAt'
  ELSE to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
  END COLLATE "C"`;

// TODO(limit): a time filter walks the tenant's whole index range: there
// is no index on occurredAt.
const IN_RANGE = `transaction_id < $2::text::xid8
  AND ($3::text IS NULL OR ${INSTANT} >= $3::text)
  AND ($4::text IS NULL OR ${INSTANT} < $4::text)`;

// Keyset pages over the (tenant_id, transaction_id, global_position) index.
const TENANT_PAGE = `
  SELECT ${COLUMNS} FROM es_events
  WHERE (tenant_id, transaction_id, global_position)
      > ($1, $6::text::xid8, $7::bigint)
    AND tenant_id = $1 AND ${IN_RANGE}
  ORDER BY es_events.tenant_id, es_events.transaction_id,
    es_events.global_position
  LIMIT $5`;

// One stream over its (stream, revision) index: a revision is written only
// by a transaction that saw the one before it committed, so revision order
// is log order.
const STREAM_PAGE = `
  SELECT ${COLUMNS} FROM es_events
  WHERE stream = $6 AND revision > $7::int
    AND tenant_id = $1 AND ${IN_RANGE}
  ORDER BY es_events.stream, es_events.revision
  LIMIT $5`;

const HORIZON = `SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin`;

/**
 * readLog over PostgreSQL or PGlite: keyset pages, filtered in SQL. Only
 * transactions below the first page's snapshot xmin are read: they have
 * all ended, so the pages form one consistent log that new appends do
 * not extend.
 */
export async function* readLog(
  sql: SqlExecutor,
  query: LogQuery,
): AsyncGenerator<readonly StoredEvent[]> {
  const bounds = timeBoundsOf(query);
  const { rows } = await sql.query<{ xmin: string }>(HORIZON);
  const horizon = rows[0]?.xmin ?? '0';

  yield* readAhead(pageReader(sql, query, bounds, horizon));
}

function pageReader(
  sql: SqlExecutor,
  query: LogQuery,
  bounds: TimeBounds,
  horizon: string,
): (after: StoredEvent | undefined) => Promise<Page<StoredEvent>> {
  const limit = query.pageSize ?? 5000;
  const shared = [query.tenantId, horizon, bounds.from, bounds.to, limit];
  const text = query.stream === undefined ? TENANT_PAGE : STREAM_PAGE;

  return async (after) => {
    const key = keyAfter(query, after);
    const { rows } = await sql.query<StoredEvent>(text, [...shared, ...key]);
    return { items: rows, more: rows.length === limit };
  };
}

/** Keyset parameters: after a position (tenant) or a revision (stream). */
function keyAfter(query: LogQuery, after: StoredEvent | undefined): string[] {
  if (query.stream !== undefined) {
    return [query.stream, String(after?.revision ?? -1)];
  }

  const [transactionId, globalPosition] = decodePosition(
    after?.position ?? START,
  );
  return [transactionId.toString(), globalPosition.toString()];
}
