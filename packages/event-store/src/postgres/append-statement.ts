import type { AppendRequest } from '../event-store';
import { tenantOfStream } from '../stream-name';
import { tenantHash } from '../tenant-partition';
import { APPEND_CHANNEL } from './schema';

/** What the append statement reports for each request, in input order. */
export interface AppendRow {
  /** Revision of the stream's last event before the statement. */
  readonly current: number | null;
  readonly deleted: boolean;
  /** Some of the request's event ids are stored already. */
  readonly stored: boolean;
  /** Set when the statement wrote the request's events. */
  readonly last_revision: number | null;
  readonly transaction_id: string | null;
  readonly global_position: string | null;
}

// One statement: it checks every stream against its expected revision in
// the statement's snapshot and writes all events or none. A concurrent
// writer that got there first makes the unique (stream, revision) or id
// index fail the whole statement; the caller retries it. Stream rows are
// locked in name order before any event is written (events join them), so
// two appends never wait for each other in a cycle; events keep request
// order, which is their order in the log.
export const APPEND_SQL = `
  WITH request AS (
    SELECT r.ordinality AS n, r.value->>'stream' AS stream,
      r.value->>'tenantId' AS tenant_id,
      (r.value->>'tenantHash')::bigint AS tenant_hash,
      r.value->>'expected' AS expected, r.value->'events' AS events
    FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS r
  ), state AS MATERIALIZED (
    SELECT q.n, s.revision AS current,
      coalesce(s.deleted_at IS NOT NULL, false) AS deleted,
      EXISTS (SELECT 1 FROM es_events e WHERE e.id IN (
        SELECT (x->>'id')::uuid FROM jsonb_array_elements(q.events) AS x
      )) AS stored
    FROM request q LEFT JOIN es_streams s ON s.stream = q.stream
  ), verdict AS MATERIALIZED (
    SELECT coalesce(bool_and(NOT s.deleted AND NOT s.stored AND
      CASE q.expected
        WHEN 'any' THEN true
        WHEN 'no-stream' THEN s.current IS NULL
        WHEN 'exists' THEN s.current IS NOT NULL
        ELSE s.current IS NOT DISTINCT FROM q.expected::int
      END), false) AS ok
    FROM request q JOIN state s USING (n)
  ), saved AS (
    INSERT INTO es_streams (stream, tenant_id, revision)
    SELECT q.stream, q.tenant_id,
      coalesce(s.current, -1) + jsonb_array_length(q.events)
    FROM request q JOIN state s USING (n)
    WHERE (SELECT ok FROM verdict)
    ORDER BY q.stream
    ON CONFLICT (stream) DO UPDATE SET revision = excluded.revision
    RETURNING stream
  ), inserted AS (
    INSERT INTO es_events (stream, revision, tenant_id, tenant_hash, id,
      type, version, data, metadata)
    SELECT q.stream, coalesce(s.current, -1) + e.ordinality::int,
      q.tenant_id, q.tenant_hash, (e.value->>'id')::uuid, e.value->>'type',
      (e.value->>'version')::int, coalesce(e.value->'data', 'null'::jsonb),
      e.value->'metadata'
    FROM request q JOIN state s USING (n) JOIN saved USING (stream),
      jsonb_array_elements(q.events) WITH ORDINALITY AS e
    ORDER BY q.n, e.ordinality
    RETURNING stream, revision, transaction_id, global_position
  ), notified AS (
    SELECT pg_notify($2, '') FROM verdict WHERE ok
  ), last AS (
    SELECT DISTINCT ON (stream) stream, revision, transaction_id,
      global_position
    FROM inserted ORDER BY stream, revision DESC
  )
  SELECT s.current, s.deleted, s.stored, l.revision AS last_revision,
    l.transaction_id::text AS transaction_id,
    l.global_position::text AS global_position,
    (SELECT count(*) FROM notified) AS notified
  FROM request q JOIN state s USING (n) LEFT JOIN last l USING (stream)
  ORDER BY q.n`;

/** The statement's parameters, requests in the order given. */
export function appendParams(requests: readonly AppendRequest[]): unknown[] {
  const payload = requests.map(({ stream, expected, events }) => {
    const tenantId = tenantOfStream(stream);
    return {
      stream,
      tenantId,
      tenantHash: tenantHash(tenantId),
      expected: String(expected),
      events: events.map(({ id, type, version, data, metadata }) => ({
        id,
        type,
        version,
        data,
        metadata,
      })),
    };
  });
  return [JSON.stringify(payload), APPEND_CHANNEL];
}
