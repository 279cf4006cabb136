// Run: pnpm exec tsx scripts/src/bench/audit.ts [--events 200000] [--database-url postgres://...]
// Not a timed test: prints throughput of export and verify, and the time
// of a point-in-time query for a user with 1,000 events.

import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import {
  exportHeader,
  exportRecords,
  formatRecord,
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

  let started = performance.now();
  await writeUsers(store, tenant, total);
  line('write', total, performance.now() - started);
  // Fresh bulk rows: plan readAll with real statistics, as autovacuum would.
  await client.query('ANALYZE es_events');

  for (const format of ['ndjson', 'csv'] as const) {
    started = performance.now();
    const bytes = await exportTo(store, tenant, format);
    line(
      `export ${format} (${(bytes / 1e6).toFixed(0)} MB)`,
      total,
      performance.now() - started,
    );
  }

  started = performance.now();
  const report = await verifyTenant(store, tenant);
  line(
    `verify (ok ${String(report.ok)})`,
    report.events,
    performance.now() - started,
  );

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

async function exportTo(
  store: EventStore,
  tenantId: string,
  format: ExportFormat,
): Promise<number> {
  let bytes = 0;
  async function* lines() {
    yield exportHeader(format);
    for await (const batch of exportRecords(store, tenantId))
      yield batch.map((r) => formatRecord(r, format)).join('');
  }
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done();
    },
  });
  await pipeline(Readable.from(lines()), sink);
  return bytes;
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
