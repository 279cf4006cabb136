import { sql, type Kysely } from 'kysely';
import type { DomainEvent } from '@roster/domain';
import type { ParsedEvent } from '@roster/projection-runtime';
import {
  migrateSchema,
  openReadStore,
  type ReadStore,
} from '@roster/read-store';
import {
  createTestDatabase,
  type TestDatabase,
} from '@roster/read-store/testing';
import { effectivePermissionsProjection } from './effective-permissions-projection';
import { instantsOf } from './instants';
import { randomPermissionEvents } from './testing/random-permission-events';

const projection = effectivePermissionsProjection;
const TABLES = {
  users: 'tenant_id, user_id, user_name_key, active, deleted',
  user_scim_roles: 'tenant_id, user_id, value',
  groups: 'tenant_id, group_id, display_name_key',
  memberships: 'tenant_id, group_id, member_id, member_type',
  role_permissions: 'tenant_id, role, permission',
  mappings: 'tenant_id, mapping_id, role, kind, match',
  grants: 'tenant_id, user_id, permission',
  effective_permissions: 'tenant_id, user_id, permission, sources::text',
  access_intervals: `tenant_id, user_id, permission, source_key,
    source::text, granted_at, revoked_at`,
};

let database: TestDatabase;
let store: ReadStore;
let schemas = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  store = await openReadStore({ url: database.url });
});

afterAll(async () => {
  await store.close();
  await database.drop();
});

/** A fresh schema built by one apply call per chunk of `chunks`. */
async function build(chunks: readonly ParsedEvent[][]): Promise<string> {
  const db = store.db as unknown as Kysely<unknown>;
  const schema = `batched_${(schemas += 1)}`;
  await migrateSchema(db, schema, projection.migrations);

  for (const events of chunks) {
    await db.transaction().execute(async (trx) => {
      await sql`SET LOCAL search_path TO ${sql.id(schema)}`.execute(trx);
      await projection.apply(trx, events);
    });
  }
  return schema;
}

async function dump(schema: string): Promise<Record<string, unknown[]>> {
  const db = store.db as unknown as Kysely<unknown>;
  const tables: Record<string, unknown[]> = {};
  for (const [table, columns] of Object.entries(TABLES)) {
    const { rows } = await sql
      .raw(
        `SELECT ${columns} FROM ${schema}.${table}
      ORDER BY ${columns.replaceAll('::text', '')}`,
      )
      .execute(db);
    tables[table] = rows;
  }
  return tables;
}

/** One apply call per instant: no two instants share a recompute. */
const perInstant = (events: readonly ParsedEvent[]) =>
  instantsOf(events).map((instant) => [...instant.events]);

function chunksOf(events: readonly ParsedEvent[], sizes: readonly number[]) {
  const chunks: ParsedEvent[][] = [];
  for (let start = 0, i = 0; start < events.length; i += 1) {
    const size = sizes[i % sizes.length] ?? 1;
    chunks.push(events.slice(start, start + size));
    start += size;
  }
  return chunks;
}

it.each([
  { seed: 1, users: 6, tie: 0.2 },
  { seed: 2, users: 30, tie: 0.05 },
  { seed: 3, users: 12, tie: 0.5 },
])(
  'a random log built in batches equals it built instant by instant (seed $seed)',
  async ({ seed, users, tie }) => {
    const events = randomPermissionEvents({
      seed,
      events: 700,
      tenants: 2,
      users,
      tie,
    });

    const expected = await dump(await build(perInstant(events)));
    expect(expected['access_intervals']?.length).toBeGreaterThan(50);
    expect(await dump(await build([events]))).toEqual(expected);
    const ragged = chunksOf(events, [1, 17, 3, 120, 40]);
    expect(await dump(await build(ragged))).toEqual(expected);
  },
  120_000,
);

it('a batch mixing many users and role redefinitions equals one event at a time', async () => {
  const events = bigGroupLog(300);

  const expected = await dump(await build(events.map((event) => [event])));
  expect(expected['access_intervals']?.length).toBeGreaterThan(600);
  expect(await dump(await build([events]))).toEqual(expected);
}, 120_000);

it('a clock that goes back between events closes intervals at their start, never before', async () => {
  const log: DomainEvent[] = [
    provisioned('u1'),
    provisioned('u2'),
    {
      type: 'RoleDefined',
      data: { role: 'staff', permissions: ['docs:read'] },
    },
    {
      type: 'RoleMapped',
      data: {
        mappingId: 'by-value',
        role: 'staff',
        source: { kind: 'scimRole', value: 'lead' },
      },
    },
    {
      type: 'DirectPermissionGranted',
      data: { userId: 'u1', permission: 'p' },
    },
    {
      type: 'DirectPermissionRevoked',
      data: { userId: 'u1', permission: 'p' },
    },
    { type: 'RoleRemoved', data: { role: 'staff' } },
  ];
  const seconds = [0, 1, 50, 60, 100, 90, 55];
  const events = timed(log, 'skew', (index) => seconds[index] ?? 0);

  const schema = await build(events.map((event) => [event]));

  const intervals = (await dump(schema))['access_intervals'] as {
    permission: string;
    granted_at: Date;
    revoked_at: Date | null;
  }[];
  expect(intervals).toHaveLength(3);
  for (const interval of intervals) {
    expect(interval.revoked_at).toEqual(interval.granted_at);
  }
  expect(await dump(await build([events]))).toEqual(await dump(schema));
});

function provisioned(userId: string): DomainEvent {
  const userName = `${userId}@example.com`;
  const resource = { userName, roles: [{ value: 'lead' }] };
  const data = { userId, userName, origin: 'scim' as const, active: true };
  return { type: 'UserProvisioned', data: { ...data, resource } };
}

/** The log as tenant `tenantId` receives it, event i at `seconds(i)`. */
function timed(
  log: readonly DomainEvent[],
  tenantId: string,
  seconds: (index: number) => number,
): ParsedEvent[] {
  const start = Date.parse('2026-06-01T00:00:00.000Z');
  return log.map((event, index) => {
    const at = new Date(start + seconds(index) * 1000);
    return {
      ...event,
      id: `${tenantId}-${index}`,
      stream: `tenant:${tenantId}:random`,
      revision: index,
      position: String(index),
      tenantId,
      metadata: { tenantId, occurredAt: at.toISOString() },
      recordedAt: at,
    };
  });
}

/**
 * Users provisioned one by one into a nested group, a role mapped by id
 * and by name, redefined twice while users change around it; every event
 * at its own second.
 */
function bigGroupLog(count: number): ParsedEvent[] {
  const log: DomainEvent[] = [];
  const ids = Array.from({ length: count }, (_, i) => `u${i}`);
  const user = (userId: string, roles: string[]): DomainEvent => {
    const userName = `${userId}@example.com`;
    const resource = { userName, roles: roles.map((value) => ({ value })) };
    const data = {
      userId,
      userName,
      origin: 'scim' as const,
      active: true,
      resource,
    };
    return { type: 'UserProvisioned', data };
  };
  const members = (groupId: string, values: string[], type: 'User' | 'Group') =>
    ({
      type: 'GroupMembershipChanged',
      data: {
        groupId,
        added: values.map((value) => ({ value, type })),
        removed: [],
      },
    }) as DomainEvent;
  const defined = (permissions: string[]): DomainEvent => ({
    type: 'RoleDefined',
    data: { role: 'staff', permissions },
  });

  ids.forEach((id, i) => log.push(user(id, i % 7 === 0 ? ['lead'] : [])));
  log.push({
    type: 'GroupCreated',
    data: { groupId: 'inner', displayName: 'Inner', resource: {} },
  });
  log.push({
    type: 'GroupCreated',
    data: { groupId: 'outer', displayName: 'Outer', resource: {} },
  });
  log.push(members('inner', ids.slice(0, count / 2), 'User'));
  log.push(members('outer', ids.slice(count / 3), 'User'));
  log.push(members('outer', ['inner'], 'Group'));
  log.push(defined(['docs:read']));
  const map = (mappingId: string, source: unknown): DomainEvent =>
    ({
      type: 'RoleMapped',
      data: { mappingId, role: 'staff', source },
    }) as DomainEvent;
  log.push(map('by-id', { kind: 'group', groupId: 'outer' }));
  log.push(map('by-name', { kind: 'groupDisplayName', displayName: 'inner' }));
  log.push(map('by-value', { kind: 'scimRole', value: 'lead' }));
  ids.slice(0, 40).forEach((userId, i) =>
    log.push(
      i % 2 === 0
        ? { type: 'UserDeactivated', data: { userId } }
        : {
            type: 'DirectPermissionGranted',
            data: { userId, permission: 'docs:read' },
          },
    ),
  );
  log.push(defined(['docs:read', 'docs:write']));
  ids
    .slice(20, 60)
    .forEach((userId) =>
      log.push({ type: 'UserReactivated', data: { userId } }),
    );
  log.push({ type: 'RoleUnmapped', data: { mappingId: 'by-id' } });
  log.push(defined(['docs:write', 'billing:read']));
  log.push({
    type: 'GroupRenamed',
    data: {
      groupId: 'outer',
      previousDisplayName: 'Outer',
      displayName: 'INNER',
    },
  });
  log.push({ type: 'RoleRemoved', data: { role: 'staff' } });

  return timed(log, 'big', (index) => index);
}
