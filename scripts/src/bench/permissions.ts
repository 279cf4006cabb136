// Permission-check benchmark: HTTP checks, the in-process checker, and a
// role change on a 100,000-member group. Run with
//   pnpm exec tsx scripts/src/bench/permissions.ts [members=100000]
// against the PostgreSQL on 127.0.0.1:5432 (a scratch database).

import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { currentVersion } from '../../../packages/domain/src/index';
import type { EventStore } from '../../../packages/event-store/src/index';
import {
  changeGroup,
  createGroup,
  runRoleCommand,
  streams,
} from '../../../packages/ledger/src/index';
import {
  createPermissionsClient,
  LocalChecker,
} from '../../../packages/permissions-client/src/index';
import { createTestDatabase } from '../../../packages/read-store/src/testing/index';
import {
  createLogger,
  createMetrics,
  generateToken,
  hashToken,
  requestContext,
} from '../../../packages/service-kit/src/index';
import { createPgClient } from '../../../packages/sql/src/index';
import {
  openPermissionsHarness,
  type PermissionsHarness,
} from '../../../projections/effective-permissions/src/testing/index';
import {
  createTenantDirectoryReader,
  tenantDirectoryProjection,
} from '../../../projections/tenant-directory/src/index';
import { fastFront, serve } from '../../../packages/composition/src/index';
import { createAccessRoutes } from '../../../services/access-api/src/access-router';
import { closedLoad, steadyLoad } from './check-load';
import { LatencyRecorder } from './latency-recorder';

const members = Number(process.argv[2] ?? 100_000);
const checkUsers = 1000;
const out: Record<string, unknown> = { date: new Date().toISOString() };

/** Appends `count` provisioned users, 2,000 streams per atomic append. */
async function seedUsers(
  store: EventStore,
  tenantId: string,
  count: number,
  prefix: string,
): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < count; start += 2000) {
    const occurredAt = new Date().toISOString();
    const requests = [];
    for (let i = start; i < Math.min(count, start + 2000); i++) {
      const userId = randomUUID();
      ids.push(userId);
      const userName = `${prefix}${i}@bench.example`;
      requests.push({
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
              occurredAt,
              previousHash: null,
            },
          },
        ],
      });
    }
    await store.appendMany(requests);
  }
  return ids;
}

async function groupOf(
  h: PermissionsHarness,
  tenantId: string,
  name: string,
  userIds: readonly string[],
): Promise<string> {
  const ctx = h.ctx(tenantId);
  const created = await createGroup(ctx, name, { displayName: name }, []);
  for (let start = 0; start < userIds.length; start += 10_000) {
    const added = userIds
      .slice(start, start + 10_000)
      .map((value) => ({ value, type: 'User' as const }));
    const result = await changeGroup(ctx, created.groupId, (s) => ({
      displayName: s.displayName,
      resource: s.resource,
      added,
      removed: [],
    }));
    await h.afterWrite(tenantId, result.position);
  }
  return created.groupId;
}

async function defineAndMap(
  h: PermissionsHarness,
  tenantId: string,
  role: string,
  groupId: string,
): Promise<void> {
  const ctx = h.ctx(tenantId);
  const permissions = ['docs:read'];
  await runRoleCommand(ctx, { type: 'DefineRole', role, permissions });
  const mappingId = randomUUID();
  const source = { kind: 'group' as const, groupId };
  const result = await runRoleCommand(ctx, {
    type: 'MapRole',
    mappingId,
    role,
    source,
  });
  await h.afterWrite(tenantId, result.position);
}

/** Single or batch checks: the most from 50 clients, then a steady rate. */
async function httpChecks(
  baseUrl: string,
  token: string,
  tenantId: string,
  userIds: readonly string[],
  batch: number,
): Promise<Record<string, number>> {
  const one = (i: number) => ({
    userId: userIds[i % userIds.length],
    permission: 'docs:read',
  });
  const bodies = userIds.map((_, i) =>
    JSON.stringify(
      batch === 1
        ? one(i)
        : { checks: Array.from({ length: batch }, (_, k) => one(i + k)) },
    ),
  );
  const recorder = new LatencyRecorder();
  const load = {
    url: `${baseUrl}/v1/tenants/${tenantId}/check`,
    token,
    bodies,
    connections: 50,
    seconds: 10,
    label: 'closed',
    allowedPerAnswer: batch,
  };
  const most = await closedLoad(load, recorder);
  const figures: Record<string, number> = {
    checksPerRequest: batch,
    checksPerSecond: Math.round((most.answered * batch) / most.seconds),
    p50Ms: round(recorder.summary('closed').p50),
    p99Ms: round(recorder.summary('closed').p99),
  };
  if (batch === 1) {
    const rate = 10_000;
    const steady = { ...load, label: 'steady', perSecond: rate };
    await steadyLoad({ ...steady, warmUpSeconds: 2 }, recorder);
    figures['steadyChecksPerSecond'] = rate;
    figures['steadyP50Ms'] = round(recorder.summary('steady').p50);
    figures['steadyP99Ms'] = round(recorder.summary('steady').p99);
  }
  figures['errors'] = recorder.summary().errors;
  return figures;
}

function percentile(sorted: readonly number[], p: number): number {
  return (
    sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN
  );
}

async function checkerNumbers(
  h: PermissionsHarness,
  url: string,
  baseUrl: string,
  token: string,
  tenantId: string,
  userIds: readonly string[],
): Promise<Record<string, unknown>> {
  const client = createPgClient(url);
  const fallback = createPermissionsClient({ baseUrl, token });
  const checker = new LocalChecker({ client, tenantId, fallback });
  await checker.start();

  const refs = userIds.map((userId) => ({ userId }));
  const rounds = 5_000_000;
  let allowed = 0;
  const started = performance.now();
  for (let i = 0; i < rounds; i++) {
    if (
      checker.checkLocal(refs[i % refs.length] ?? { userId: '' }, 'docs:read')
        ?.allowed
    )
      allowed++;
  }
  const seconds = (performance.now() - started) / 1000;

  const staleness = await measureStaleness(
    h,
    checker,
    tenantId,
    userIds[0] ?? '',
  );
  await checker.close();
  await client.close();
  return {
    checksPerSecond: Math.round(rounds / seconds),
    allowed,
    ...staleness,
  };
}

/** Writes, then watches the checker (on its own connection) catch up. */
async function measureStaleness(
  h: PermissionsHarness,
  checker: LocalChecker,
  tenantId: string,
  userId: string,
): Promise<Record<string, number>> {
  const ctx = h.ctx(tenantId);
  const delays: number[] = [];
  let staleAtReturn = 0;
  const { setDirectGrant } = await import('../../../packages/ledger/src/index');

  for (let i = 0; i < 200; i++) {
    const granted = i % 2 === 0;
    const result = await setDirectGrant(ctx, userId, 'bench:toggle', granted);
    await h.afterWrite(tenantId, result.position);
    const returned = performance.now();
    const first = checker.checkLocal({ userId }, 'bench:toggle');
    if (first && first.allowed !== granted) staleAtReturn++;
    while (
      checker.checkLocal({ userId }, 'bench:toggle')?.allowed !== granted
    ) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    delays.push(performance.now() - returned);
  }
  const sorted = delays.sort((a, b) => a - b);
  return {
    writes: 200,
    staleAnswersRightAfterWriteReturned: staleAtReturn,
    localFreshAfterReturnP50Ms: Number(percentile(sorted, 0.5).toFixed(3)),
    localFreshAfterReturnP99Ms: Number(percentile(sorted, 0.99).toFixed(3)),
    localFreshAfterReturnMaxMs: Number((sorted.at(-1) ?? NaN).toFixed(3)),
    lastNoticeLagMs: checker.stats().lastNoticeLagMs ?? NaN,
  };
}

async function bigGroup(
  h: PermissionsHarness,
  count: number,
): Promise<Record<string, number>> {
  const tenantId = await h.tenant(`big${Date.now()}`);
  let started = performance.now();
  const ids = await seedUsers(h.store, tenantId, count, 'big');
  const last = await runRoleCommand(h.ctx(tenantId), {
    type: 'DefineRole',
    role: 'noop',
    permissions: [],
  });
  await h.afterWrite(tenantId, last.position);
  const seedSeconds = (performance.now() - started) / 1000;

  started = performance.now();
  const groupId = await groupOf(h, tenantId, 'Everyone', ids);
  const membershipSeconds = (performance.now() - started) / 1000;

  started = performance.now();
  await defineAndMap(h, tenantId, 'everyone', groupId);
  const firstMappingSeconds = (performance.now() - started) / 1000;

  started = performance.now();
  const ctx = h.ctx(tenantId);
  const changed = await runRoleCommand(ctx, {
    type: 'DefineRole',
    role: 'everyone',
    permissions: ['docs:read', 'docs:write'],
  });
  await h.afterWrite(tenantId, changed.position);
  const roleChangeSeconds = (performance.now() - started) / 1000;

  const { rows } = await h.client.query<{ n: string }>(
    `SELECT count(*) AS n FROM effective_permissions_v1.effective_permissions
     WHERE tenant_id = $1 AND permission = 'docs:write'`,
    [tenantId],
  );
  return {
    members: count,
    seedSeconds: round(seedSeconds),
    membershipSeconds: round(membershipSeconds),
    firstMappingSeconds: round(firstMappingSeconds),
    roleChangeReachesEveryMemberSeconds: round(roleChangeSeconds),
    membersHoldingNewPermission: Number(rows[0]?.n ?? 0),
  };
}

const round = (n: number) => Number(n.toFixed(2));

async function main(): Promise<void> {
  const database = await createTestDatabase();
  const h = await openPermissionsHarness({
    url: database.url,
    projections: [tenantDirectoryProjection],
    // Other transactions of a shared cluster may hold events back (xmin).
    consistencyTimeoutMs: 300_000,
  });
  const token = generateToken('rst_op');

  try {
    const tenantId = await h.tenant('bench');
    const userIds = await seedUsers(h.store, tenantId, checkUsers, 'u');
    const groupId = await groupOf(h, tenantId, 'Staff', userIds);
    await defineAndMap(h, tenantId, 'reader', groupId);

    // As the access API serves: checks over the fast route, ahead of express.
    const log = createLogger('silent');
    const metrics = createMetrics();
    const routes = createAccessRoutes({
      readClient: h.client,
      tokens: createTenantDirectoryReader(h.readStore.db),
      operatorTokenHash: hashToken(token),
      metrics,
    });
    const app = express();
    app.use(requestContext(log));
    app.use('/v1', routes.router);
    const requestTimeoutMs = 30_000;
    const server = await serve(app, {
      port: 0,
      host: '127.0.0.1',
      requestTimeoutMs,
      ahead: fastFront([routes.checkRoute], { log, metrics, requestTimeoutMs }),
    });
    const port = (server.address() as AddressInfo).port;
    const baseUrl = `http://127.0.0.1:${port}`;

    out['httpSingle'] = await httpChecks(baseUrl, token, tenantId, userIds, 1);
    out['httpBatch100'] = await httpChecks(
      baseUrl,
      token,
      tenantId,
      userIds,
      100,
    );
    out['inProcess'] = await checkerNumbers(
      h,
      database.url,
      baseUrl,
      token,
      tenantId,
      userIds,
    );
    server.close();

    out['bigGroup'] = await bigGroup(h, members);
  } finally {
    await h.close();
    await database.drop();
  }
  console.log(JSON.stringify(out, null, 2));
}

void main();
