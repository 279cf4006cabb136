import { createEventStore } from '@roster/event-store';
import type { DomainEvent } from '@roster/domain';
import type { EventStore } from '@roster/event-store';
import { streams } from '@roster/ledger';
import {
  createProjectionRuntime,
  type ProjectionRuntime,
} from '@roster/projection-runtime';
import { appendOf } from '@roster/projection-runtime/testing';
import { activeSchemaOf, openReadStore } from '@roster/read-store';
import {
  groupSqlTarget,
  parseFilter,
  translateFilter,
  userSqlTarget,
} from '@roster/scim';
import type { Kysely } from 'kysely';
import type { ScimDatabase } from './scim-database';
import { createPgliteClient, type SqlClient } from '@roster/sql';
import { createScimReader, type ScimReader } from './scim-reader';
import { scimResourcesProjection } from './scim-resources-projection';

jest.setTimeout(60_000);

let client: SqlClient;
let store: EventStore;
let runtime: ProjectionRuntime;
let reader: ScimReader;
let tenantCount = 0;

beforeAll(async () => {
  client = await createPgliteClient();
  store = await createEventStore({ kind: 'sql', client });
  const readStore = await openReadStore({ client });
  runtime = createProjectionRuntime({
    store,
    readStore,
    projections: [scimResourcesProjection],
    partitions: 2,
  });
  await runtime.start();
  reader = createScimReader(readStore.db);
});

afterAll(async () => {
  await runtime.close();
  await client.close();
});

/** Appends, then catches every unit up: what the ingress waits for. */
async function given(
  tenant: string,
  writes: [stream: string, events: DomainEvent[]][],
): Promise<void> {
  const requests = writes.map(([stream, events]) =>
    appendOf(tenant, stream, events),
  );
  for (let start = 0; start < requests.length; start += 1000) {
    await store.appendMany(requests.slice(start, start + 1000));
  }
  await Promise.all(
    runtime.unitsOfTenant(tenant).map((u) => runtime.catchUp(u)),
  );
}

const newTenant = (): string => `scim${++tenantCount}`;

const provisioned = (
  userId: string,
  userName: string,
  origin: 'scim' | 'product' = 'scim',
): DomainEvent => ({
  type: 'UserProvisioned',
  data: {
    userId,
    userName,
    origin,
    active: true,
    resource: {
      userName,
      displayName: `${userName} Person`,
      emails: [{ value: `${userName}@Example.com` }],
    },
  },
});

const groupCreated = (groupId: string, displayName: string): DomainEvent => ({
  type: 'GroupCreated',
  data: { groupId, displayName, resource: { displayName } },
});

const membership = (
  groupId: string,
  added: string[],
  removed: string[] = [],
): DomainEvent => ({
  type: 'GroupMembershipChanged',
  data: {
    groupId,
    added: added.map((value) => ({ value, type: 'User' as const })),
    removed,
  },
});

describe('scim-resources', () => {
  it('shows users created in the product to SCIM filters', async () => {
    const tenant = newTenant();
    await given(tenant, [
      [streams.user(tenant, 'u1'), [provisioned('u1', 'Ann', 'product')]],
      [streams.user(tenant, 'u2'), [provisioned('u2', 'Bob')]],
    ]);

    const where = translateFilter(
      parseFilter('userName eq "ann" and emails.value co "example"'),
      userSqlTarget,
    );
    const page = await reader.listUsers(tenant, {
      where,
      offset: 0,
      limit: 10,
    });

    expect(page.total).toBe(1);
    expect(page.rows[0]).toMatchObject({
      id: 'u1',
      userName: 'Ann',
      origin: 'product',
    });
  });

  it('finds a user by userName and a group by displayName through their indexes', async () => {
    const plans: string[] = [];
    const db = (await openReadStore({ client }))
      .db as unknown as Kysely<ScimDatabase>;
    const schema = await activeSchemaOf(db as never, 'scim_resources');
    const filters = [
      ['scim_users', 'userName eq "ann@example.com"', userSqlTarget],
      ['scim_groups', 'displayName eq "Ops"', groupSqlTarget],
    ] as const;

    // Enough rows in one tenant that a scan of its range costs more.
    await client.query(
      `INSERT INTO ${schema}.scim_users (tenant_id, id, user_name,
         user_name_lower, active, origin, resource, version, created_at,
         last_modified)
       SELECT 't', 'u' || n, 'U' || n, 'u' || n, true, 'scim', '{}', 0,
         now(), now() FROM generate_series(1, 5000) n`,
    );
    await client.query(
      `INSERT INTO ${schema}.scim_groups (tenant_id, id, display_name,
         resource, version, created_at, last_modified)
       SELECT 't', 'g' || n, 'G' || n, '{}', 0, now(), now()
       FROM generate_series(1, 5000) n`,
    );
    await client.query(`ANALYZE ${schema}.scim_users`);
    await client.query(`ANALYZE ${schema}.scim_groups`);
    for (const [table, filter, target] of filters) {
      const where = translateFilter(parseFilter(filter), target);
      const rows = await db
        .withSchema(schema!)
        .selectFrom(table)
        .selectAll()
        .where('tenant_id', '=', 't')
        .where(where)
        .explain();
      plans.push(rows.map((row) => String(row['QUERY PLAN'])).join('\n'));
    }

    expect(plans[0]).toContain('scim_users_user_name');
    expect(plans[1]).toContain('scim_groups_display_name');
  });

  it('keeps the stream revision as version through changes', async () => {
    const tenant = newTenant();
    await given(tenant, [
      [streams.user(tenant, 'u1'), [provisioned('u1', 'ann')]],
    ]);
    await given(tenant, [
      [
        streams.user(tenant, 'u1'),
        [
          {
            type: 'UserAttributesChanged',
            data: {
              userId: 'u1',
              userName: 'Ann.B',
              resource: { externalId: 'x9' },
            },
          },
          { type: 'UserDeactivated', data: { userId: 'u1' } },
        ],
      ],
    ]);

    expect(await reader.getUser(tenant, 'u1')).toMatchObject({
      userName: 'Ann.B',
      externalId: 'x9',
      displayName: null,
      active: false,
      version: 2,
    });
  });

  it('forgets deleted users and groups, and their memberships', async () => {
    const tenant = newTenant();
    await given(tenant, [
      [streams.user(tenant, 'u1'), [provisioned('u1', 'ann')]],
      [streams.user(tenant, 'u2'), [provisioned('u2', 'bob')]],
      [
        streams.group(tenant, 'g1'),
        [groupCreated('g1', 'Ops'), membership('g1', ['u1', 'u2'])],
      ],
      [
        streams.group(tenant, 'g2'),
        [groupCreated('g2', 'Dev'), membership('g2', ['u2'])],
      ],
    ]);
    await given(tenant, [
      [
        streams.user(tenant, 'u1'),
        [{ type: 'UserDeleted', data: { userId: 'u1', userName: 'ann' } }],
      ],
      [
        streams.group(tenant, 'g2'),
        [{ type: 'GroupDeleted', data: { groupId: 'g2', displayName: 'Dev' } }],
      ],
    ]);

    expect(await reader.getUser(tenant, 'u1')).toBeUndefined();
    expect(await reader.getGroup(tenant, 'g2')).toBeUndefined();
    expect(await reader.hasMembers(tenant, 'g1', ['u1', 'u2'])).toEqual(
      new Set(['u2']),
    );
    expect((await reader.getUser(tenant, 'u2'))?.groups).toEqual([
      { id: 'g1', displayName: 'Ops' },
    ]);
  });

  it('pages and patches a group of 10,000 members by delta', async () => {
    const tenant = newTenant();
    const ids = Array.from(
      { length: 10_000 },
      (_, i) => `u${String(i).padStart(5, '0')}`,
    );
    await given(
      tenant,
      ids.map((id) => [streams.user(tenant, id), [provisioned(id, `n${id}`)]]),
    );
    await given(tenant, [
      [
        streams.group(tenant, 'big'),
        [groupCreated('big', 'Everyone'), membership('big', ids)],
      ],
    ]);
    await given(tenant, [
      [
        streams.group(tenant, 'big'),
        [membership('big', [], ['u00000', 'u00002'])],
      ],
    ]);

    const page = await reader.members(tenant, 'big', { offset: 0, limit: 3 });
    const group = await reader.getGroup(tenant, 'big');

    expect(page.total).toBe(9_998);
    expect(page.rows.map((row) => row.id)).toEqual([
      'u00001',
      'u00003',
      'u00004',
    ]);
    expect(group?.version).toBe(2);
  });

  it('applies remove-then-add of one member within a batch in order', async () => {
    const tenant = newTenant();
    await given(tenant, [
      [streams.user(tenant, 'u1'), [provisioned('u1', 'ann')]],
      [
        streams.group(tenant, 'g1'),
        [
          groupCreated('g1', 'Ops'),
          membership('g1', ['u1']),
          membership('g1', [], ['u1']),
          membership('g1', ['u1']),
          membership('g1', [], ['u1']),
        ],
      ],
    ]);

    expect(await reader.hasMembers(tenant, 'g1', ['u1'])).toEqual(new Set());
  });
});
