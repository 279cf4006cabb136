import { createHash, randomUUID } from 'node:crypto';
import type { DomainEvent } from '@roster/domain';
import {
  createEventStore,
  streamName,
  type EventStore,
} from '@roster/event-store';
import { createProjectionRuntime } from '@roster/projection-runtime';
import { envelope } from '@roster/projection-runtime/testing';
import {
  activeSchemaOf,
  assertSchemaName,
  openReadStore,
} from '@roster/read-store';
import { createPgliteClient } from '@roster/sql';
import { sql } from 'kysely';
import { tenantDirectoryProjection } from './tenant-directory-projection';

jest.setTimeout(60_000);

it('builds from one batch what it builds one event at a time', async () => {
  const events = await createPgliteClient();
  const store = await createEventStore({ kind: 'sql', client: events });
  for (const tenantId of ['dir-a', 'dir-b', 'dir-c']) {
    await store.append({
      stream: streamName(tenantId, 'tenant'),
      events: historyOf(tenantId).map((event) => envelope(tenantId, event)),
      expected: 'no-stream',
    });
  }

  const single = await build(store, 1);
  const batched = await build(store, 1000);

  expect(single.tenants).toHaveLength(3);
  expect(single.tokens).toHaveLength(12);
  expect(single.tokens.filter((t) => t['revoked_at'] !== null)).toHaveLength(6);
  expect(batched).toEqual(single);
  await store.close();
  await events.close();
});

/**
 * A tenant created twice (the second changes nothing), four tokens, two
 * revoked right away, one revoked twice, one revoked before its issue.
 */
function historyOf(tenantId: string): DomainEvent[] {
  const [a, b, c, d] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const issue = (tokenId: string, scim: boolean): DomainEvent =>
    scim
      ? { type: 'ScimTokenIssued', data: { tokenId, tokenHash: hash(tokenId) } }
      : {
          type: 'ServiceTokenIssued',
          data: { tokenId, tokenHash: hash(tokenId), label: 'svc' },
        };
  const revoke = (tokenId: string, scim: boolean): DomainEvent => ({
    type: scim ? 'ScimTokenRevoked' : 'ServiceTokenRevoked',
    data: { tokenId },
  });
  return [
    { type: 'TenantCreated', data: { tenantId, name: `${tenantId} one` } },
    issue(a, true),
    revoke(c, true),
    issue(b, false),
    { type: 'TenantCreated', data: { tenantId, name: `${tenantId} two` } },
    revoke(a, true),
    issue(c, true),
    revoke(b, false),
    revoke(b, false),
    issue(d, false),
  ];
}

function hash(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** The projection built into a read store of its own, then dumped. */
async function build(store: EventStore, batchSize: number) {
  const client = await createPgliteClient();
  const readStore = await openReadStore({ client });
  const runtime = createProjectionRuntime({
    store,
    readStore,
    projections: [tenantDirectoryProjection],
    partitions: 1,
    batchSize,
  });
  await runtime.start();
  await Promise.all(runtime.units().map((unit) => runtime.catchUp(unit)));

  const active = await activeSchemaOf(readStore.db, 'tenant_directory');
  const schema = sql.id(assertSchemaName(active!));
  const tenants = await sql<Record<string, unknown>>`SELECT * FROM
    ${schema}.tenants ORDER BY tenant_id`.execute(readStore.db);
  const tokens = await sql<Record<string, unknown>>`SELECT * FROM
    ${schema}.tokens ORDER BY seq`.execute(readStore.db);
  await runtime.close();
  await client.close();
  return { tenants: tenants.rows, tokens: tokens.rows };
}
