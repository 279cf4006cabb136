// Permission-check benchmark: HTTP checks, the in-process checker, and a
// role change on a 100,000-member group. Run with
//   pnpm exec tsx scripts/src/bench/permissions.ts [members=100000]
// against the PostgreSQL on 127.0.0.1:5432 (a scratch database).

import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
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
import { createAccessRouter } from '../../../services/access-api/src/index';

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

const loadScript = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { port, token, path, bodies, connections, durationMs } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
const latencies = [];
let errors = 0;
const end = Date.now() + durationMs;
function one(body) {
  return new Promise((resolve) => {
    const started = performance.now();
    const req = http.request({ host: '127.0.0.1', port, path, method: 'POST', agent,
      headers: { authorization: 'Bearer ' + token, 'content-type': 'application/json',
        'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => { latencies.push(performance.now() - started);
        if (res.statusCode !== 200) errors++; resolve(); });
    });
    req.on('error', () => { errors++; resolve(); });
    req.end(body);
  });
}
async function loop(i) { let k = i; while (Date.now() < end) await one(bodies[k++ % bodies.length]); }
Promise.all(Array.from({ length: connections }, (_, i) => loop(i)))
  .then(() => parentPort.postMessage({ latencies, errors }));
`;

interface LoadResult {
  latencies: number[];
  errors: number;
}

function load(workerData: Record<string, unknown>): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(loadScript, { eval: true, workerData });
    worker.once('message', (result: LoadResult) => resolve(result));
    worker.once('error', reject);
  });
}

function percentile(sorted: readonly number[], p: number): number {
  return (
    sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN
  );
}

async function httpChecks(
  port: number,
  token: string,
  tenantId: string,
  userIds: readonly string[],
  batch: number,
): Promise<Record<string, number>> {
  const pick = () => userIds[Math.floor(Math.random() * userIds.length)] ?? '';
  const one = () => ({ userId: pick(), permission: 'docs:read' });
  const bodies = Array.from({ length: 500 }, () =>
    JSON.stringify(
      batch === 1 ? one() : { checks: Array.from({ length: batch }, one) },
    ),
  );
  const durationMs = 5000;
  const path = `/v1/tenants/${tenantId}/check`;
  const { latencies, errors } = await load({
    port,
    token,
    path,
    bodies,
    connections: 4,
    durationMs,
  });

  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    checksPerRequest: batch,
    requestsPerSecond: Math.round(latencies.length / (durationMs / 1000)),
    checksPerSecond: Math.round(
      (latencies.length * batch) / (durationMs / 1000),
    ),
    p50Ms: Number(percentile(sorted, 0.5).toFixed(3)),
    p99Ms: Number(percentile(sorted, 0.99).toFixed(3)),
    errors,
  };
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

    const app = express();
    app.use(requestContext(createLogger('silent')));
    app.use(
      '/v1',
      createAccessRouter({
        readClient: h.client,
        tokens: createTenantDirectoryReader(h.readStore.db),
        operatorTokenHash: hashToken(token),
        metrics: createMetrics(),
      }),
    );
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const port = (server.address() as AddressInfo).port;
    const baseUrl = `http://127.0.0.1:${port}`;

    out['httpSingle'] = await httpChecks(port, token, tenantId, userIds, 1);
    out['httpBatch100'] = await httpChecks(port, token, tenantId, userIds, 100);
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
