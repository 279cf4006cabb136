// Run: pnpm exec tsx scripts/src/bench/audit.ts [--events 200000] [--database-url postgres://...]
// (node --expose-gc --import tsx ... makes the heap figures start clean)
// Not a timed test: prints throughput of export and verify with the peak
// heap and RSS of each (memory must not grow with the log), filtered
// exports, and the time of a point-in-time query for a user with 1,000
// events.

import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import {
  exportHeader,
  exportRecords,
  formatRecord,
  type ExportFilter,
  permissionsAt,
  verifyTenant,
  type ExportFormat,
} from '../../../packages/audit/src/index';
import {
  hashEvent,
  type DomainEvent,
} from '../../../packages/domain/src/index';
import {
  createEventStore,
  type AppendRequest,
  type EventStore,
} from '../../../packages/event-store/src/index';
import { stampEvents, streams } from '../../../packages/ledger/src/index';
import {
  createPgClient,
  createPgliteClient,
} from '../../../packages/sql/src/index';
import { parseOptions } from '../roster/parse-options';

const { options } = parseOptions(process.argv.slice(2));
const total = Number(options.get('events') ?? 200_000);
const url = options.get('database-url');

async function main(): Promise<void> {
  const client = url ? createPgClient(url) : await createPgliteClient();
  const store = await createEventStore({ kind: 'sql', client });
  const tenant = `bench${randomUUID().slice(0, 6)}`;

  const writeStart = new Date();
  const started = performance.now();
  await writeUsers(store, tenant, total);
  line('write', total, performance.now() - started);
  const writeEnd = new Date();
  await untilVisible(store, tenant, total);
  // Fresh bulk rows: plan reads with real statistics, as autovacuum would.
  await client.query('ANALYZE es_events');

  for (const format of ['ndjson', 'csv'] as const) {
    await measured(`export ${format}`, () => exportTo(store, tenant, format));
  }
  await measured('verify', async () => {
    const report = await verifyTenant(store, tenant);
    if (!report.ok) throw new Error('the benchmark log does not verify');
    return { events: report.events, bytes: 0 };
  });

  await filteredExports(store, tenant, writeStart, writeEnd);
  await retainedHeap(store, tenant, writeStart, writeEnd);
  await pointInTime(store);
  await client.close();
}

/** Users of 20 events each, 200 streams per appendMany. */
async function writeUsers(
  store: EventStore,
  tenantId: string,
  count: number,
): Promise<void> {
  const perUser = 20;
  const requests: AppendRequest[] = [];
  for (let user = 0; user * perUser < count; user += 1) {
    const userId = `u${user}`;
    requests.push(requestOf(tenantId, userId, userEvents(userId, perUser)));
    if (requests.length === 200) await store.appendMany(requests.splice(0));
  }
  if (requests.length > 0) await store.appendMany(requests);
}

function userEvents(userId: string, count: number): DomainEvent[] {
  const userName = `${userId}@example.com`;
  const resource = {
    userName,
    name: { givenName: userId, familyName: 'Bench' },
    emails: [{ value: userName, primary: true }],
  };
  const events: DomainEvent[] = [
    {
      type: 'UserProvisioned',
      data: { userId, userName, origin: 'scim', active: true, resource },
    },
  ];
  for (let index = 1; index < count; index += 1) {
    const permission = `perm:${index % 7}`;
    events.push({
      type: index % 2 ? 'DirectPermissionGranted' : 'DirectPermissionRevoked',
      data: { userId, permission },
    });
  }
  return events;
}

function requestOf(
  tenantId: string,
  userId: string,
  events: DomainEvent[],
  at = new Date(),
): AppendRequest {
  const stream = streams.user(tenantId, userId);
  const requestId = randomUUID();
  const context = {
    tenantId,
    actor: { kind: 'scim-token' as const, id: 'bench' },
    requestId,
    correlationId: requestId,
  };
  const stamped = events.flatMap((event, index) => {
    const end = {
      stream,
      revision: index - 1 < 0 ? null : index - 1,
      lastHash: null,
    };
    return stampEvents(end, [event], context, new Date(at.getTime() + index));
  });
  relink(stream, stamped);
  return { stream, events: stamped, expected: 'no-stream' };
}

/** Stamped one by one above (one instant each); chain them again. */
function relink(stream: string, stamped: ReturnType<typeof stampEvents>): void {
  let previous: string | null = null;
  stamped.forEach((event, revision) => {
    (event.metadata as { previousHash: string | null }).previousHash = previous;
    previous = hashEvent({ ...event, stream, revision });
  });
}

interface Exported {
  readonly events: number;
  readonly bytes: number;
}

async function exportTo(
  store: EventStore,
  tenantId: string,
  format: ExportFormat,
  filter: ExportFilter = {},
): Promise<Exported> {
  let bytes = 0;
  let events = 0;
  async function* lines() {
    yield exportHeader(format);
    for await (const batch of exportRecords(store, tenantId, filter)) {
      events += batch.length;
      yield batch.map((r) => formatRecord(r, format)).join('');
    }
  }
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done();
    },
  });
  await pipeline(Readable.from(lines()), sink);
  return { events, bytes };
}

/** One phase: its rate, output size, and peak heap and RSS while it ran. */
async function measured(
  what: string,
  run: () => Promise<Exported>,
): Promise<void> {
  const memory = sampleMemory();
  const started = performance.now();
  const { events, bytes } = await run();
  const ms = performance.now() - started;
  const peak = memory.stop();

  const size = bytes > 0 ? ` (${(bytes / 1e6).toFixed(0)} MB)` : '';
  line(`${what}${size}`, events, ms);
  process.stdout.write(
    `  peak heap ${peak.heapMb.toFixed(0)} MB, peak RSS ${peak.rssMb.toFixed(0)} MB\n`,
  );
}

function sampleMemory(): { stop(): { heapMb: number; rssMb: number } } {
  global.gc?.();
  let heap = 0;
  let rss = 0;
  const sample = () => {
    const usage = process.memoryUsage();
    heap = Math.max(heap, usage.heapUsed);
    rss = Math.max(rss, usage.rss);
  };
  const timer = setInterval(sample, 10);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return { heapMb: heap / 2 ** 20, rssMb: rss / 2 ** 20 };
    },
  };
}

/**
 * Reads see transactions below the cluster's snapshot xmin: a long
 * transaction of another session holds new events back until it ends.
 */
async function untilVisible(
  store: EventStore,
  tenantId: string,
  count: number,
): Promise<void> {
  const started = performance.now();
  for (;;) {
    let seen = 0;
    for await (const page of store.readLog({ tenantId })) seen += page.length;
    if (seen >= count) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const waited = performance.now() - started;
  if (waited > 1000) {
    process.stdout.write(
      `  (waited ${(waited / 1000).toFixed(1)} s for another session's transaction to end)\n`,
    );
  }
}

/**
 * The heap left after a full collection at every tenth page of an export,
 * at most: the same for the whole log and a tenth of it when memory does
 * not grow with the log. Needs --expose-gc.
 */
async function retainedHeap(
  store: EventStore,
  tenantId: string,
  writeStart: Date,
  writeEnd: Date,
): Promise<void> {
  const { gc } = global;
  if (!gc) return;
  const span = writeEnd.getTime() - writeStart.getTime();
  const tenth = {
    from: new Date(writeStart.getTime() + span * 0.45),
    to: new Date(writeStart.getTime() + span * 0.55),
  };

  const retained = async (filter: ExportFilter) => {
    let pages = 0;
    let most = 0;
    for await (const page of exportRecords(store, tenantId, filter, 1000)) {
      page.map((r) => formatRecord(r, 'ndjson')).join('');
      pages += 1;
      if (pages % 10 !== 0) continue;
      gc();
      most = Math.max(most, process.memoryUsage().heapUsed);
    }
    return (most / 2 ** 20).toFixed(1);
  };
  process.stdout.write(
    `retained heap during an export: whole log ${await retained({})} MB, a tenth ${await retained(tenth)} MB\n`,
  );
}

/** A tenth of the log by time, and one stream: read through SQL filters. */
async function filteredExports(
  store: EventStore,
  tenantId: string,
  writeStart: Date,
  writeEnd: Date,
): Promise<void> {
  const span = writeEnd.getTime() - writeStart.getTime();
  const from = new Date(writeStart.getTime() + span * 0.45);
  const to = new Date(writeStart.getTime() + span * 0.55);
  await measured('export ndjson, a tenth of the time range', () =>
    exportTo(store, tenantId, 'ndjson', { from, to }),
  );

  const stream = streams.user(tenantId, 'u0');
  const started = performance.now();
  const { events } = await exportTo(store, tenantId, 'ndjson', { stream });
  process.stdout.write(
    `export ndjson, one stream: ${events} events in ${(performance.now() - started).toFixed(1)} ms\n`,
  );
}

/** A tenant with roles, mappings, groups and one user with 1,000 events. */
async function pointInTime(store: EventStore): Promise<void> {
  const tenantId = `pit${randomUUID().slice(0, 6)}`;
  const start = new Date('2026-01-01T00:00:00Z');
  const roles: DomainEvent[] = [
    {
      type: 'RoleDefined',
      data: { role: 'editor', permissions: ['docs:read', 'docs:write'] },
    },
    {
      type: 'RoleMapped',
      data: {
        mappingId: 'm1',
        role: 'editor',
        source: { kind: 'groupDisplayName', displayName: 'Engineering' },
      },
    },
  ];
  const groups = [
    {
      type: 'GroupCreated',
      data: { groupId: 'g1', displayName: 'Engineering', resource: {} },
    },
    {
      type: 'GroupMembershipChanged',
      data: {
        groupId: 'g1',
        added: [{ value: 'u0', type: 'User' }],
        removed: [],
      },
    },
  ] satisfies DomainEvent[];
  await store.appendMany(
    [
      {
        ...requestOf(tenantId, 'x', roles, start),
        stream: streams.roles(tenantId),
      },
      {
        ...requestOf(tenantId, 'x', groups, start),
        stream: streams.group(tenantId, 'g1'),
      },
    ].map((r) => ({ ...r, events: rechain(r) })),
  );
  await store.append(
    requestOf(
      tenantId,
      'u0',
      userEvents('u0', 1000),
      new Date(start.getTime() + 1000),
    ),
  );
  await untilVisible(store, tenantId, 1004);

  const times: number[] = [];
  for (let run = 0; run < 21; run += 1) {
    const started = performance.now();
    const answer = await permissionsAt(
      store,
      tenantId,
      'u0',
      new Date('2026-01-01T00:00:05.000Z'),
    );
    times.push(performance.now() - started);
    if (answer.events < 1000) throw new Error('the replay missed events');
  }
  times.sort((a, b) => a - b);
  process.stdout.write(
    `point in time, user with 1,000 events: median ${times[10]?.toFixed(1)} ms, max ${times[20]?.toFixed(1)} ms\n`,
  );
}

function rechain(request: AppendRequest): AppendRequest['events'] {
  relink(request.stream, request.events as ReturnType<typeof stampEvents>);
  return request.events;
}

function line(what: string, events: number, ms: number): void {
  const rate = Math.round(events / (ms / 1000));
  process.stdout.write(
    `${what}: ${events.toLocaleString('en')} events in ${(ms / 1000).toFixed(2)} s = ${rate.toLocaleString('en')} events/s\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
