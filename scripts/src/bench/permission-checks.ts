import { performance } from 'node:perf_hooks';
import type { BenchScale } from './bench-scale';
import type { RunResult, ScenarioContext } from './bench-types';
import { latencyByLabel } from './entra-cycle';
import { createHttpTarget } from './http-target';
import type { HttpTarget } from './http-target';
import { inProcessChecks } from './in-process-checks';
import { LatencyRecorder, type LatencySummary } from './latency-recorder';
import type { RosterAdmin, BenchTenant } from './roster-admin';
import {
  closedLoad,
  steadyLoad,
  type CheckLoad,
  type SteadyLoad,
} from './check-load';
import { checkFloor } from './check-floor';
import { checksDuringWrites } from './checks-during-writes';
import { addMembers, deactivatePatch, groupBody } from './scim-bodies';
import type { SeededSource } from './big-tenant';
import { checkTenantId, readersGroupName } from './seed-plan';
import { seedUsers } from './seed-users';

const permission = 'docs:read';
const batchSize = 100;

/** A tenant whose users all hold `docs:read` through one mapped group. */
export interface CheckTenant {
  readonly tenant: BenchTenant;
  readonly access: HttpTarget;
  /** The tenant's service token, for the load generator. */
  readonly token: string;
  readonly userIds: string[];
  readonly databaseUrl: string | undefined;
}

/**
 * The users and their group come seeded (`source`) or are created by
 * SCIM; the role and its mapping to the group go through the admin API.
 */
export async function prepareCheckTenant(
  ctx: ScenarioContext,
  admin: RosterAdmin,
  server: { accessUrl: string; databaseUrl: string | undefined },
  source?: SeededSource,
): Promise<CheckTenant> {
  const { tenant, userIds, groupId } = source
    ? seededReaders(source)
    : await postedReaders(ctx);
  await admin.putRole(tenant.tenantId, 'viewer', [permission]);
  await admin.mapGroup(tenant.tenantId, 'viewer', groupId);

  const token = await admin.serviceToken(tenant.tenantId);
  const access = createHttpTarget({
    baseUrl: `${server.accessUrl}/v1/tenants/${tenant.tenantId}`,
    token,
    sockets: ctx.scale.clients,
    contentType: 'application/json',
  });
  return { tenant, access, token, userIds, databaseUrl: server.databaseUrl };
}

function seededReaders(source: SeededSource) {
  const groupId = source.seeded.groupIds[readersGroupName];
  if (!groupId) throw new Error(`no seeded group ${readersGroupName}`);
  return { tenant: source.tenant, userIds: source.seeded.userIds, groupId };
}

async function postedReaders(ctx: ScenarioContext) {
  const count = ctx.scale.checkUsers + ctx.scale.revocations * ctx.scale.runs;
  const tenant = await ctx.system.createTenant(checkTenantId, 4);
  const users = await seedUsers(tenant, count, ctx.progress, ctx.scale.clients);

  const group = await tenant.scim.json<{ id: string }>(
    'POST',
    '/Groups',
    groupBody(readersGroupName),
  );
  for (let at = 0; at < count; at += 1000) {
    const body = addMembers('okta', users.ids.slice(at, at + 1000));
    await tenant.scim.json('PATCH', `/Groups/${group.id}`, body);
  }
  return { tenant, userIds: users.ids, groupId: group.id };
}

/**
 * Scenario 4: single and batch checks over HTTP, the in-process checker
 * (production only: it needs the PostgreSQL read store), and the delay
 * from a deactivation's 2xx to the first denied check.
 */
export async function permissionChecks(
  ctx: ScenarioContext,
  target: CheckTenant,
): Promise<RunResult> {
  const recorder = new LatencyRecorder();
  const figures: Record<string, number> = {};

  figures['single.cps'] = await checkLoad(ctx, target, recorder, 1);
  figures['steady.cps'] = await steadyChecks(ctx, target, recorder);
  figures['batch.cps'] = await checkLoad(ctx, target, recorder, batchSize);
  const single = recorder.summary('check');
  const steady = recorder.summary(steadyCheckLabel(ctx.scale));
  const batch = recorder.summary(`batch of ${batchSize}`);
  Object.assign(figures, {
    'single.p50': single.p50,
    'single.p99': single.p99,
    'steady.p50': steady.p50,
    'steady.p99': steady.p99,
    'batch.p99': batch.p99,
  });

  const floor = await floorOfSteady(ctx, target, steady);
  Object.assign(figures, floor.figures);

  const local = await inProcessChecks(ctx, target, permission);
  Object.assign(figures, local.figures);
  Object.assign(figures, await revocations(ctx, target, recorder, local));
  await local.close();

  // Last, and once: the writes can overload embedded mode, and the queue
  // they leave would weigh on the next run's steady phase.
  const lastRun = ctx.run === ctx.scale.runs - 1;
  const busy = lastRun ? await steadyWhileWriting(ctx, target, recorder) : null;
  Object.assign(figures, busy?.figures);

  figures['errors'] = recorder.summary().errors;
  return {
    figures,
    latency: latencyByLabel(recorder),
    notes: [
      ...recorder.firstErrors(),
      floor.note,
      ...(busy ? [busy.note] : []),
      ...local.notes,
    ],
  };
}

/** Checks per second over HTTP from `clients`, `size` checks per request. */
async function checkLoad(
  ctx: ScenarioContext,
  target: CheckTenant,
  recorder: LatencyRecorder,
  size: number,
): Promise<number> {
  const label = size === 1 ? 'check' : `batch of ${size}`;
  const load = loadOf(ctx, target, label, size);
  const { answered, seconds } = await timed(ctx, label, load.seconds, () =>
    closedLoad(load, recorder),
  );
  return (answered * size) / seconds;
}

/** Single checks at `checkRate` a second, however fast they are answered. */
async function steadyChecks(
  ctx: ScenarioContext,
  target: CheckTenant,
  recorder: LatencyRecorder,
): Promise<number> {
  const load = steadyLoadOf(ctx, target);
  const { answered, seconds } = await timed(
    ctx,
    load.label,
    load.warmUpSeconds + load.seconds,
    () => steadyLoad(load, recorder),
  );
  return answered / seconds;
}

function steadyLoadOf(ctx: ScenarioContext, target: CheckTenant): SteadyLoad {
  return {
    ...loadOf(ctx, target, steadyCheckLabel(ctx.scale), 1),
    perSecond: ctx.scale.checkRate,
    warmUpSeconds: Math.min(2, ctx.scale.checkSeconds),
  };
}

/** The steady load against a bare server, in figures and a note. */
async function floorOfSteady(
  ctx: ScenarioContext,
  target: CheckTenant,
  steady: LatencySummary,
): Promise<{ figures: Record<string, number>; note: string }> {
  const load = steadyLoadOf(ctx, target);
  const floor = await timed(
    ctx,
    'the same load, bare server',
    load.warmUpSeconds + load.seconds,
    () => checkFloor(load),
  );
  const rate = ctx.scale.checkRate.toLocaleString('en-US');
  const note =
    `${rate} checks/s against a bare node:http server right after: ` +
    `p50 ${floor.p50.toFixed(2)} ms, p99 ${floor.p99.toFixed(2)} ms` +
    `${floor.errors > 0 ? `, ${floor.errors} errors` : ''}; ` +
    `the check's p99 was ${(steady.p99 / floor.p99).toFixed(1)} times that`;
  return {
    figures: { 'floor.p50': floor.p50, 'floor.p99': floor.p99 },
    note,
  };
}

/** The steady load while SCIM writes, in figures and a note. */
async function steadyWhileWriting(
  ctx: ScenarioContext,
  target: CheckTenant,
  recorder: LatencyRecorder,
): Promise<{ figures: Record<string, number>; note: string }> {
  const label = `${steadyCheckLabel(ctx.scale)} during writes`;
  const load = { ...steadyLoadOf(ctx, target), label };
  const rates = await timed(ctx, label, load.warmUpSeconds + load.seconds, () =>
    checksDuringWrites(ctx, target, recorder, load),
  );
  const busy = recorder.summary(label);
  const note =
    `the same load while SCIM wrote ${rates.writesPerSecond.toFixed(1)} ` +
    `user changes a second: p50 ${busy.p50.toFixed(2)} ms, ` +
    `p99 ${busy.p99.toFixed(2)} ms`;
  return {
    figures: {
      'busy.p50': busy.p50,
      'busy.p99': busy.p99,
      'busy.writes': rates.writesPerSecond,
    },
    note,
  };
}

/** The label of single checks at the steady rate: scenario 4's headline. */
export function steadyCheckLabel(scale: BenchScale): string {
  return `check at ${scale.checkRate.toLocaleString('en-US')}/s`;
}

/** Runs one load phase under a progress bar that follows the clock. */
async function timed<T>(
  ctx: ScenarioContext,
  label: string,
  seconds: number,
  run: () => Promise<T>,
): Promise<T> {
  const started = performance.now();
  ctx.progress.start(`${label} on ${ctx.system.name}`, seconds * 1000);
  const ticking = setInterval(
    () => ctx.progress.update(performance.now() - started),
    250,
  );
  try {
    return await run();
  } finally {
    clearInterval(ticking);
    ctx.progress.finish();
  }
}

function loadOf(
  ctx: ScenarioContext,
  target: CheckTenant,
  label: string,
  size: number,
): CheckLoad {
  const users = target.userIds.slice(0, ctx.scale.checkUsers);
  const bodies = users.map((_, i) =>
    JSON.stringify(
      checkBody(
        Array.from({ length: size }, (_, k) => users[(i + k) % users.length]!),
      ),
    ),
  );
  return {
    url: `${target.access.baseUrl}/check`,
    token: target.token,
    bodies,
    connections: ctx.scale.clients,
    seconds: ctx.scale.checkSeconds,
    label,
    allowedPerAnswer: size,
  };
}

function checkBody(userIds: readonly string[]) {
  return userIds.length === 1
    ? { userId: userIds[0], permission }
    : { checks: userIds.map((userId) => ({ userId, permission })) };
}

function allowedOf(status: number, body: string): boolean[] {
  if (status !== 200) return [false];
  const parsed = JSON.parse(body) as {
    allowed?: boolean;
    results?: { allowed?: boolean }[];
  };
  if (parsed.results) return parsed.results.map((r) => r.allowed === true);
  return [parsed.allowed === true];
}

/**
 * Deactivates users one by one (Entra and Okta forms); right after each
 * 2xx, checks until denied. Any allowed answer after the 2xx is a miss.
 */
async function revocations(
  ctx: ScenarioContext,
  target: CheckTenant,
  recorder: LatencyRecorder,
  local: Awaited<ReturnType<typeof inProcessChecks>>,
): Promise<Record<string, number>> {
  const first = ctx.scale.checkUsers + ctx.run * ctx.scale.revocations;
  const users = target.userIds.slice(first, first + ctx.scale.revocations);
  let worstMs = 0;
  let misses = 0;
  let localWorstMs = 0;

  for (const [i, userId] of users.entries()) {
    const style = i % 2 === 0 ? 'entra' : 'okta';
    const reply = await target.tenant.scim.send(
      'PATCH',
      `/Users/${userId}`,
      deactivatePatch(style),
    );
    const answered = performance.now();
    if (reply.status >= 300) {
      recorder.fail('deactivate', `${reply.status}`);
      continue;
    }

    const waited = await untilDenied(target.access, userId, answered);
    if (waited > 0) misses++;
    worstMs = Math.max(worstMs, waited);
    localWorstMs = Math.max(
      localWorstMs,
      await local.untilDenied(userId, answered),
    );
  }

  const result: Record<string, number> = {
    'deny.worstMs': worstMs,
    'deny.misses': misses,
  };
  if (local.available) result['local.deny.worstMs'] = localWorstMs;
  return result;
}

/** 0 when the first check after the 2xx is already denied. */
async function untilDenied(
  access: HttpTarget,
  userId: string,
  since: number,
): Promise<number> {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const reply = await access.send('POST', '/check', { userId, permission });
    const denied = reply.status === 200 && !allowedOf(200, reply.body)[0];
    if (denied) {
      return attempt === 0 ? 0 : performance.now() - since;
    }
  }
  return Number.POSITIVE_INFINITY;
}
