import type { SqlExecutor } from '@roster/sql';
import { StreamDeletedError } from '../errors';
import type { AppendRequest, AppendResult } from '../event-store';
import { assertExpectedRevision } from '../expected-revision';
import { tenantOfStream } from '../stream-name';
import { tenantHash } from '../tenant-partition';
import { findReplay } from './find-replay';
import { lockStreams, readStreamState } from './stream-state';
import { rowPosition } from './event-row';
import { APPEND_CHANNEL } from './schema';

interface InsertedRow {
  readonly revision: number;
  readonly transaction_id: string;
  readonly global_position: string;
}

/** Appends every request inside the caller's transaction, or throws. */
export async function appendInTransaction(
  tx: SqlExecutor,
  requests: readonly AppendRequest[],
): Promise<AppendResult[]> {
  await lockStreams(
    tx,
    requests.map((request) => request.stream),
  );

  const results: AppendResult[] = [];
  for (const request of requests) results.push(await appendOne(tx, request));

  await tx.query("SELECT pg_notify($1, '')", [APPEND_CHANNEL]);
  return results;
}

async function appendOne(
  tx: SqlExecutor,
  request: AppendRequest,
): Promise<AppendResult> {
  const { stream, expected } = request;
  const state = await readStreamState(tx, stream);
  if (state.deleted) throw new StreamDeletedError(stream);

  const replay = await findReplay(tx, request, state.revision);
  if (replay) return replay;

  assertExpectedRevision(stream, expected, state.revision);

  const rows = await insertEvents(tx, request, state.revision ?? -1);
  const last = rows.reduce((a, b) => (a.revision > b.revision ? a : b));
  await saveRevision(tx, stream, last.revision);

  return {
    revision: last.revision,
    position: rowPosition(last.transaction_id, last.global_position),
  };
}

async function insertEvents(
  tx: SqlExecutor,
  { stream, events }: AppendRequest,
  current: number,
): Promise<InsertedRow[]> {
  const tenantId = tenantOfStream(stream);
  const payload = JSON.stringify(
    events.map(({ id, type, version, data, metadata }) => ({
      id,
      type,
      version,
      data,
      metadata,
    })),
  );

  const { rows } = await tx.query<InsertedRow>(
    `INSERT INTO es_events
       (stream, revision, tenant_id, tenant_hash, id, type, version,
        data, metadata)
     SELECT $1, $2::int + e.ordinality::int, $3, $4::bigint,
       (e.value->>'id')::uuid, e.value->>'type', (e.value->>'version')::int,
       coalesce(e.value->'data', 'null'::jsonb), e.value->'metadata'
     FROM jsonb_array_elements($5::jsonb) WITH ORDINALITY AS e
     ORDER BY e.ordinality
     RETURNING revision, transaction_id::text AS transaction_id,
       global_position::text AS global_position`,
    [stream, current, tenantId, tenantHash(tenantId), payload],
  );
  return rows;
}

async function saveRevision(
  tx: SqlExecutor,
  stream: string,
  revision: number,
): Promise<void> {
  await tx.query(
    `INSERT INTO es_streams (stream, tenant_id, revision) VALUES ($1, $2, $3)
     ON CONFLICT (stream) DO UPDATE SET revision = excluded.revision`,
    [stream, tenantOfStream(stream), revision],
  );
}
