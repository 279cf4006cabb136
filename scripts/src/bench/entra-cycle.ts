import { performance } from 'node:perf_hooks';
import type { RunResult, ScenarioContext } from './bench-types';
import { LatencyRecorder } from './latency-recorder';
import type { BenchTenant } from './roster-admin';
import { runPool } from './run-pool';
import { addMembers, filterPath, groupBody, userBody } from './scim-bodies';
import { idOf, timedCall } from './timed-call';

interface CycleState {
  readonly tenants: BenchTenant[];
  readonly userIds: string[][];
  readonly groupIds: string[][];
}

/**
 * Scenario 1: an Entra ID initial cycle. Every user is looked up by
 * userName and then created; then groups are looked up and created, and
 * members added in PATCHes, all from `clients` concurrent connections.
 */
export async function entraCycle(ctx: ScenarioContext): Promise<RunResult> {
  const { scale } = ctx;
  const recorder = new LatencyRecorder();
  const state = await openTenants(ctx);
  const total = scale.cycleUsers + groupCount(ctx) * 2 + patchCount(ctx);
  ctx.progress.start(`entra cycle on ${ctx.system.name}`, total);

  const started = performance.now();
  await provisionUsers(ctx, state, recorder);
  const usersMs = performance.now() - started;
  await provisionGroups(ctx, state, recorder);
  await addAllMembers(ctx, state, recorder);
  const totalMs = performance.now() - started;
  ctx.progress.finish();

  const all = recorder.summary();
  const requests = all.count + all.errors;
  return {
    figures: {
      'total.s': totalMs / 1000,
      'users.s': usersMs / 1000,
      'users.per.s': created(state) / (usersMs / 1000),
      requests,
      rps: requests / (totalMs / 1000),
      errors: all.errors,
      p50: all.p50,
      p95: all.p95,
      p99: all.p99,
    },
    latency: { all, ...latencyByLabel(recorder) },
    notes: recorder.firstErrors(),
  };
}

async function openTenants(ctx: ScenarioContext): Promise<CycleState> {
  const sockets = Math.ceil(ctx.scale.clients / ctx.scale.cycleTenants) + 1;
  const tenants: BenchTenant[] = [];
  for (let i = 0; i < ctx.scale.cycleTenants; i++) {
    const id = `s1r${ctx.run}t${i}`;
    tenants.push(await ctx.system.createTenant(id, sockets));
  }
  return {
    tenants,
    userIds: tenants.map(() => []),
    groupIds: tenants.map(() => []),
  };
}

async function provisionUsers(
  ctx: ScenarioContext,
  state: CycleState,
  recorder: LatencyRecorder,
): Promise<void> {
  const count = ctx.scale.cycleUsers;
  const tenants = state.tenants.length;

  await runPool(poolOf(ctx, count, 0), async (i) => {
    const t = i % tenants;
    const tenant = state.tenants[t]!;
    const userName = `user${i}@${tenant.tenantId}.example`;
    const path = filterPath('Users', 'userName', userName);

    const found = await timedCall(tenant.scim, recorder, {
      label: 'GET filter',
      method: 'GET',
      path,
      ok: [200],
    });
    if (!found) return;

    const body = userBody(userName, `ext${i}`);
    const created = await timedCall(tenant.scim, recorder, {
      label: 'POST user',
      method: 'POST',
      path: '/Users',
      body,
      ok: [201],
    });
    const id = idOf(created);
    if (id) state.userIds[t]!.push(id);
  });
}

async function provisionGroups(
  ctx: ScenarioContext,
  state: CycleState,
  recorder: LatencyRecorder,
): Promise<void> {
  const count = groupCount(ctx);
  const tenants = state.tenants.length;
  const offset = ctx.scale.cycleUsers;

  await runPool(poolOf(ctx, count, offset, 2), async (i) => {
    const t = i % tenants;
    const tenant = state.tenants[t]!;
    const displayName = `Group ${Math.floor(i / tenants)}`;
    const path = filterPath('Groups', 'displayName', displayName);

    const found = await timedCall(tenant.scim, recorder, {
      label: 'GET group filter',
      method: 'GET',
      path: `${path}&excludedAttributes=members`,
      ok: [200],
    });
    if (!found) return;

    const created = await timedCall(tenant.scim, recorder, {
      label: 'POST group',
      method: 'POST',
      path: '/Groups',
      body: groupBody(displayName),
      ok: [201],
    });
    const id = idOf(created);
    if (id) state.groupIds[t]!.push(id);
  });
}

/** Each user joins one group; concurrent PATCHes touch different groups. */
async function addAllMembers(
  ctx: ScenarioContext,
  state: CycleState,
  recorder: LatencyRecorder,
): Promise<void> {
  const plan = memberPlan(ctx, state);
  const offset = ctx.scale.cycleUsers + groupCount(ctx) * 2;

  await runPool(poolOf(ctx, plan.length, offset), async (i) => {
    const step = plan[i]!;
    await timedCall(step.tenant.scim, recorder, {
      label: 'PATCH members',
      method: 'PATCH',
      path: `/Groups/${step.groupId}`,
      body: addMembers('entra', step.members),
      ok: [200, 204],
    });
  });
}

interface MemberStep {
  readonly tenant: BenchTenant;
  readonly groupId: string;
  readonly members: string[];
}

function memberPlan(ctx: ScenarioContext, state: CycleState): MemberStep[] {
  const perGroup = new Map<string, MemberStep[]>();
  state.tenants.forEach((tenant, t) => {
    const groups = state.groupIds[t]!;
    const users = state.userIds[t]!;
    if (groups.length === 0) return;
    const size = ctx.scale.cycleMembersPerPatch;
    for (let u = 0; u < users.length; u += size) {
      const groupId = groups[(u / size) % groups.length]!;
      const steps = perGroup.get(groupId) ?? [];
      steps.push({ tenant, groupId, members: users.slice(u, u + size) });
      perGroup.set(groupId, steps);
    }
  });
  return interleave([...perGroup.values()]);
}

/** Round-robin over lists, so neighbours in the result differ in list. */
function interleave<T>(lists: T[][]): T[] {
  const result: T[] = [];
  const longest = Math.max(0, ...lists.map((list) => list.length));
  for (let i = 0; i < longest; i++) {
    for (const list of lists) if (i < list.length) result.push(list[i]!);
  }
  return result;
}

function created(state: CycleState): number {
  return state.userIds.reduce((sum, ids) => sum + ids.length, 0);
}

function groupCount(ctx: ScenarioContext): number {
  return ctx.scale.cycleTenants * ctx.scale.cycleGroupsPerTenant;
}

function patchCount(ctx: ScenarioContext): number {
  return Math.ceil(ctx.scale.cycleUsers / ctx.scale.cycleMembersPerPatch);
}

function poolOf(
  ctx: ScenarioContext,
  count: number,
  offset: number,
  weight = 1,
) {
  return {
    count,
    concurrency: ctx.scale.clients,
    maxMs: ctx.scale.phaseMaxMs,
    onDone: (done: number) => ctx.progress.update(offset + done * weight),
  };
}

export function latencyByLabel(recorder: LatencyRecorder) {
  return Object.fromEntries(
    recorder.labels().map((label) => [label, recorder.summary(label)]),
  );
}
