import { performance } from 'node:perf_hooks';
import type { RunResult, ScenarioContext } from './bench-types';
import type { BigTenant } from './big-tenant';
import { latencyByLabel } from './entra-cycle';
import { LatencyRecorder } from './latency-recorder';
import { runPool } from './run-pool';
import { addMembers, filterPath, groupBody, patchOf } from './scim-bodies';
import { largeGroupName } from './seed-plan';
import { timedCall } from './timed-call';

export interface LargeGroup {
  readonly id: string;
  /** Time to fill it by PATCH; undefined when it was seeded. */
  readonly fillSeconds: number | undefined;
}

/**
 * The group holding the first `groupBase` users: the seeded one, or one
 * made by a POST and PATCHes of 1,000 members.
 */
export async function fillLargeGroup(
  ctx: ScenarioContext,
  big: BigTenant,
): Promise<LargeGroup> {
  const seeded = big.seededGroups[largeGroupName];
  if (seeded) return { id: seeded, fillSeconds: undefined };

  const { scim } = big.tenant;
  const group = await scim.json<{ id: string }>(
    'POST',
    '/Groups',
    groupBody(largeGroupName),
  );
  const members = big.users.ids.slice(0, ctx.scale.groupBase);
  ctx.progress.start(`filling a group of ${members.length}`, members.length);

  const started = performance.now();
  for (let at = 0; at < members.length; at += 1000) {
    const body = addMembers('entra', members.slice(at, at + 1000));
    const reply = await scim.send('PATCH', `/Groups/${group.id}`, body);
    if (reply.status >= 300) throw new Error(`fill: ${reply.status}`);
    ctx.progress.update(at + 1000);
  }
  ctx.progress.finish();

  return { id: group.id, fillSeconds: (performance.now() - started) / 1000 };
}

/**
 * Scenario 3: PATCHes that add `groupAdd` members to the large group (each
 * followed by one that removes them again), then reads of the group
 * without its members, by id and by displayName filter.
 */
export async function largeGroup(
  ctx: ScenarioContext,
  big: BigTenant,
  group: LargeGroup,
): Promise<RunResult> {
  const recorder = new LatencyRecorder();
  const { scim } = big.tenant;
  const path = `/Groups/${group.id}`;
  const extra = big.users.ids.slice(ctx.scale.groupBase);
  const steps = ctx.scale.groupPatches * 2 + ctx.scale.groupReads;
  ctx.progress.start(`large group on ${ctx.system.name}`, steps);

  for (let i = 0; i < ctx.scale.groupPatches; i++) {
    await timedCall(scim, recorder, {
      label: 'PATCH add members',
      method: 'PATCH',
      path,
      body: addMembers('entra', extra),
      ok: [200, 204],
    });
    await timedCall(scim, recorder, {
      label: 'PATCH remove members',
      method: 'PATCH',
      path,
      body: removeAll(extra),
      ok: [200, 204],
    });
    ctx.progress.update(i * 2 + 2);
  }

  const byName = filterPath('Groups', 'displayName', largeGroupName);
  const pool = { count: ctx.scale.groupReads, concurrency: 4, maxMs: 60_000 };
  await runPool(pool, async (i) => {
    const filtered = i % 2 === 1;
    await timedCall(scim, recorder, {
      label: filtered ? 'GET filter, no members' : 'GET by id, no members',
      method: 'GET',
      path: `${filtered ? byName : path}${filtered ? '&' : '?'}excludedAttributes=members`,
      ok: [200],
    });
    ctx.progress.update(ctx.scale.groupPatches * 2 + i + 1);
  });
  ctx.progress.finish();

  return figuresOf(recorder, extra.length, group);
}

function removeAll(ids: readonly string[]): object {
  const value = ids.map((id) => ({ value: id }));
  return patchOf([{ op: 'remove', path: 'members', value }]);
}

function figuresOf(
  recorder: LatencyRecorder,
  added: number,
  group: LargeGroup,
): RunResult {
  const add = recorder.summary('PATCH add members');
  const remove = recorder.summary('PATCH remove members');
  const byId = recorder.summary('GET by id, no members');
  const byName = recorder.summary('GET filter, no members');
  return {
    figures: {
      'add.p50': add.p50,
      'add.p99': add.p99,
      'remove.p99': remove.p99,
      'read.p50': byId.p50,
      'read.p99': byId.p99,
      'filter.p99': byName.p99,
      ...(group.fillSeconds === undefined
        ? {}
        : { 'fill.s': group.fillSeconds }),
      'added.count': added,
      errors: recorder.summary().errors,
    },
    latency: latencyByLabel(recorder),
    notes: recorder.firstErrors(),
  };
}
