import {
  START,
  WrongExpectedVersionError,
  encodePosition,
  decodePosition,
  tenantOfStream,
  type AppendRequest,
  type AppendResult,
  type EventStore,
  type ReadAllOptions,
  type RecordedEvent,
} from '@roster/event-store';
import type { SqlClient, SqlExecutor } from '@roster/sql';
import { tenantHash } from '../partition-of-tenant';

// TODO(limit): a stand-in for packages/event-store's SQL adapter until it
// lands; appends are serialised by an advisory lock, so id order is
// commit order. Delete once the real adapter is exported.

const APPEND_LOCK = 0x5e11;
const CHANNEL = 'shim_event_appended';

interface Row {
  global_position: string;
  stream: string;
  revision: number;
  id: string;
  type: string;
  version: number;
  data: unknown;
  metadata: Record<string, unknown>;
  tenant_id: string;
  recorded_at: Date | string;
}

/** An EventStore over a SqlClient in schema `shim_events`, for tests. */
export async function createShimEventStore(
  client: SqlClient,
): Promise<EventStore> {
  await client.query('CREATE SCHEMA IF NOT EXISTS shim_events');
  await client.query(`CREATE TABLE IF NOT EXISTS shim_events.events (
    global_position bigint PRIMARY KEY, stream text NOT NULL,
    revision integer NOT NULL, id text NOT NULL UNIQUE, type text NOT NULL,
    version integer NOT NULL, data jsonb NOT NULL, metadata jsonb NOT NULL,
    tenant_id text NOT NULL, tenant_hash bigint NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (stream, revision))`);

  return {
    capabilities: { atomicMultiStreamAppend: true },
    append: async (request) => (await appendAll(client, [request]))[0]!,
    appendMany: (requests) => appendAll(client, requests),
    readStream: async (stream, options = {}) => {
      const { rows } = await client.query<Row>(
        `SELECT * FROM shim_events.events WHERE stream = $1
         AND revision >= $2 ORDER BY revision LIMIT $3`,
        [stream, options.fromRevision ?? 0, options.limit ?? 1_000_000],
      );
      return rows.map(toRecorded);
    },
    readAll: (options) => readAll(client, options),
    waitForAppend: (_after, timeoutMs) => waitForAppend(client, timeoutMs),
    deleteStream: () =>
      Promise.reject(new Error('the shim store cannot delete streams')),
    close: () => Promise.resolve(),
  };
}

async function appendAll(
  client: SqlClient,
  requests: readonly AppendRequest[],
): Promise<AppendResult[]> {
  return client.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [APPEND_LOCK]);
    const { rows } = await tx.query<{ max: string | null }>(
      'SELECT max(global_position) AS max FROM shim_events.events',
    );
    let position = BigInt(rows[0]?.max ?? '0');

    const results: AppendResult[] = [];
    const records: Record<string, unknown>[] = [];
    const pending = new Map<string, number>();
    for (const request of requests) {
      let revision =
        pending.get(request.stream) ?? (await checkExpected(tx, request));
      for (const event of request.events) {
        position += 1n;
        revision += 1;
        records.push(recordOf(request.stream, revision, position, event));
      }
      pending.set(request.stream, revision);
      results.push({ revision, position: encodePosition(position, 0n) });
    }

    await insert(tx, records);
    await tx.query(`SELECT pg_notify('${CHANNEL}', '')`);
    return results;
  });
}

function recordOf(
  stream: string,
  revision: number,
  position: bigint,
  event: AppendRequest['events'][number],
): Record<string, unknown> {
  const tenantId = tenantOfStream(stream);
  return {
    global_position: position.toString(),
    stream,
    revision,
    id: event.id,
    type: event.type,
    version: event.version,
    data: event.data,
    metadata: event.metadata,
    tenant_id: tenantId,
    tenant_hash: tenantHash(tenantId),
  };
}

async function insert(
  tx: SqlExecutor,
  records: Record<string, unknown>[],
): Promise<void> {
  for (let start = 0; start < records.length; start += 5000) {
    await tx.query(
      `INSERT INTO shim_events.events (global_position, stream, revision, id,
         type, version, data, metadata, tenant_id, tenant_hash)
       SELECT global_position, stream, revision, id, type, version, data,
         metadata, tenant_id, tenant_hash
       FROM jsonb_to_recordset($1::jsonb) AS r(global_position bigint,
         stream text, revision integer, id text, type text, version integer,
         data jsonb, metadata jsonb, tenant_id text, tenant_hash bigint)`,
      [JSON.stringify(records.slice(start, start + 5000))],
    );
  }
}

async function checkExpected(
  tx: SqlExecutor,
  request: AppendRequest,
): Promise<number> {
  const { rows } = await tx.query<{ max: number | null }>(
    'SELECT max(revision) AS max FROM shim_events.events WHERE stream = $1',
    [request.stream],
  );
  const actual = rows[0]?.max ?? null;
  const { expected } = request;

  const ok =
    expected === 'any' ||
    (expected === 'no-stream' && actual === null) ||
    (expected === 'exists' && actual !== null) ||
    expected === actual;
  if (!ok)
    throw new WrongExpectedVersionError(request.stream, expected, actual);
  return actual ?? -1;
}

async function readAll(
  client: SqlClient,
  options: ReadAllOptions,
): Promise<{ events: RecordedEvent[]; next: string }> {
  const from = options.from === START ? 0n : decodePosition(options.from)[0];
  const partition = options.partition;
  const { rows } = await client.query<Row>(
    `SELECT * FROM shim_events.events WHERE global_position > $1
     AND ($2::int IS NULL OR tenant_hash % $2 = $3)
     AND ($4::text IS NULL OR tenant_id = $4)
     ORDER BY global_position LIMIT $5`,
    [
      from.toString(),
      partition?.count ?? null,
      partition?.index ?? 0,
      options.tenantId ?? null,
      options.limit,
    ],
  );

  const events = rows.map(toRecorded);
  return { events, next: events.at(-1)?.position ?? options.from };
}

function toRecorded(row: Row): RecordedEvent {
  return {
    id: row.id,
    type: row.type,
    version: row.version,
    data: row.data,
    metadata: row.metadata,
    stream: row.stream,
    revision: row.revision,
    position: encodePosition(BigInt(row.global_position), 0n),
    tenantId: row.tenant_id,
    recordedAt: new Date(row.recorded_at),
  };
}

async function waitForAppend(
  client: SqlClient,
  timeoutMs: number,
): Promise<void> {
  let stop: (() => Promise<void>) | undefined;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    void client
      .listen(CHANNEL, () => {
        clearTimeout(timer);
        resolve();
      })
      .then((unlisten) => (stop = unlisten));
  });
  await stop?.();
}
