// The effective-permissions projection alone: (1) a role change on a group
// of `members` users, timed until every member holds the new permission;
// (2) a rebuild of this projection from a generated log of `events`.
// Usage: pnpm exec tsx scripts/src/bench/permissions-projection.ts
//   [members=100000] [events=50000] [--embedded]
// PostgreSQL on 127.0.0.1:5432 (scratch databases), or PGlite in memory.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { currentVersion } from '../../../packages/domain/src/index';
import { createEventStore } from '../../../packages/event-store/src/index';
import type { EventStore } from '../../../packages/event-store/src/index';
import {
  changeGroup,
  createGroup,
  runRoleCommand,
  streams,
} from '../../../packages/ledger/src/index';
import { createProjectionRuntime } from '../../../packages/projection-runtime/src/index';
import { openReadStore } from '../../../packages/read-store/src/index';
import {
  createPgClient,
  createPgliteClient,
} from '../../../packages/sql/src/index';
import { effectivePermissionsProjection } from '../../../projections/effective-permissions/src/index';
import { openPermissionsHarness } from '../../../projections/effective-permissions/src/testing/index';
import {
  chunkAppends,
  generateScimLog,
} from '../../../projections/scim-resources/src/testing/index';
import { createScratchDatabase } from './scratch-database';

const members = Number(process.argv[2] ?? 100_000);
const events = Number(process.argv[3] ?? 50_000);
const embedded = process.argv.includes('--embedded');

const seconds = (since: number) =>
  Number(((performance.now() - since) / 1000).toFixed(2));

async function openUrl(): Promise<{ url?: string; drop: () => Promise<void> }> {
  if (embedded) return { drop: () => Promise.resolve() };
  const database = await createScratchDatabase('roster_perm_bench');
  return { url: database.url, drop: database.drop };
}

function provisioned(tenantId: string, userId: string, at: string) {
  const userName = `${userId}@bench.example`;
  return {
    stream: streams.user(tenantId, userId),
    expected: 'no-stream' as const,
    events: [
      {
        id: randomUUID(),
        type: 'UserProvisioned',
        version: currentVersion('UserProvisioned'),
        data: {
          userId,
          userName,
          origin: 'scim',
          active: true,
          resource: { userName },
        },
        metadata: {
          tenantId,
          actor: { kind: 'system', id: 'bench' },
          requestId: 'bench',
          correlationId: 'bench',
          occurredAt: at,
          previousHash: null,
        },
      },
    ],
  };
}

async function seedUsers(store: EventStore, tenantId: string, count: number) {
  const ids: string[] = [];
  for (let start = 0; start < count; start += 2000) {
    const at = new Date().toISOString();
    const chunk = [];
    for (let i = start; i < Math.min(count, start + 2000); i++) {
      const userId = randomUUID();
      ids.push(userId);
      chunk.push(provisioned(tenantId, userId, at));
    }
    await store.appendMany(chunk);
  }
  return ids;
}

async function roleChange(): Promise<Record<string, number>> {
  const scratch = await openUrl();
  const h = await openPermissionsHarness({
    ...(scratch.url ? { url: scratch.url } : {}),
    consistencyTimeoutMs: 600_000,
  });
  try {
    const tenantId = await h.tenant('bigrole');
    const ctx = h.ctx(tenantId);
    let started = performance.now();
    const ids = await seedUsers(h.store, tenantId, members);
    const group = await createGroup(ctx, 'Everyone', { displayName: 'E' }, []);
    for (let start = 0; start < ids.length; start += 10_000) {
      const added = ids
        .slice(start, start + 10_000)
        .map((value) => ({ value, type: 'User' as const }));
      await changeGroup(ctx, group.groupId, (s) => ({
        displayName: s.displayName,
        resource: s.resource,
        added,
        removed: [],
      }));
    }
    const role = 'everyone';
    await runRoleCommand(ctx, {
      type: 'DefineRole',
      role,
      permissions: ['docs:read'],
    });
    const mapped = await runRoleCommand(ctx, {
      type: 'MapRole',
      mappingId: randomUUID(),
      role,
      source: { kind: 'group', groupId: group.groupId },
    });
    await h.afterWrite(tenantId, mapped.position);
    const setupS = seconds(started);

    started = performance.now();
    const changed = await runRoleCommand(ctx, {
      type: 'DefineRole',
      role,
      permissions: ['docs:read', 'docs:write'],
    });
    await h.afterWrite(tenantId, changed.position);
    const roleChangeS = seconds(started);

    started = performance.now();
    const back = await runRoleCommand(ctx, {
      type: 'DefineRole',
      role,
      permissions: ['docs:read'],
    });
    await h.afterWrite(tenantId, back.position);
    const roleRevertS = seconds(started);

    const { rows } = await h.client.query<{ n: string }>(
      `SELECT count(*) AS n FROM effective_permissions_v1.access_intervals
       WHERE tenant_id = $1 AND permission = 'docs:write'
         AND revoked_at IS NOT NULL`,
      [tenantId],
    );
    return {
      members,
      setupS,
      roleChangeS,
      roleRevertS,
      closedWriteIntervals: Number(rows[0]?.n ?? 0),
    };
  } finally {
    await h.close();
    await scratch.drop();
  }
}

async function rebuild(): Promise<Record<string, number>> {
  const scratch = await openUrl();
  const client = scratch.url
    ? createPgClient(scratch.url)
    : await createPgliteClient();
  try {
    const store = await createEventStore({ kind: 'sql', client });
    const readStore = await openReadStore({ client });
    const log = generateScimLog({ seed: 5, events, tenants: 20 });
    const count = log.reduce((sum, r) => sum + r.events.length, 0);
    for (const chunk of chunkAppends(log, 2000)) await store.appendMany(chunk);

    const runtime = createProjectionRuntime({
      store,
      readStore,
      projections: [effectivePermissionsProjection],
      partitions: 8,
      batchSize: 5000,
    });
    await runtime.start();
    const started = performance.now();
    await runtime.rebuild(effectivePermissionsProjection.name);
    const rebuildS = seconds(started);
    await runtime.close();
    return {
      events: count,
      rebuildS,
      eventsPerS: Math.round(count / rebuildS),
    };
  } finally {
    await client.close();
    await scratch.drop();
  }
}

async function main(): Promise<void> {
  const out: Record<string, unknown> = {
    date: new Date().toISOString(),
    store: embedded ? 'pglite' : 'postgres',
  };
  if (events > 0) out['rebuild'] = await rebuild();
  if (members > 0) out['roleChange'] = await roleChange();
  console.log(JSON.stringify(out));
}

await main();
