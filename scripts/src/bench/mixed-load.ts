import type { RunResult, ScenarioContext } from './bench-types';
import type { BigTenant } from './big-tenant';
import { latencyByLabel } from './entra-cycle';
import { LatencyRecorder } from './latency-recorder';
import { runPool } from './run-pool';
import type { TimedRequest } from './timed-call';
import { timedCall } from './timed-call';
import {
  addMembers,
  filterPath,
  removeMember,
  userPatch,
  userPutBody,
} from './scim-bodies';
import type { ClientStyle } from './scim-bodies';

type Phase = 'reads' | 'writes' | 'mixed';
const phases: readonly Phase[] = ['reads', 'writes', 'mixed'];

/**
 * Scenario 2: steady load on a tenant of `mixedUsers` users, as three
 * timed phases: reads only (GET by id, userName filters), PATCHes only
 * (Entra and Okta forms), and a mix that adds PUTs and member changes.
 */
export async function mixedLoad(
  ctx: ScenarioContext,
  big: BigTenant,
): Promise<RunResult> {
  const figures: Record<string, number> = {};
  const latency: RunResult['latency'] = {};
  const notes: string[] = [];

  for (const phase of phases) {
    const recorder = new LatencyRecorder();
    const seconds = await runPhase(ctx, big, phase, recorder);
    const all = recorder.summary();
    figures[`${phase}.rps`] = all.count / seconds;
    figures[`${phase}.p50`] = all.p50;
    figures[`${phase}.p99`] = all.p99;
    figures[`${phase}.errors`] = all.errors;
    const labels = { all, ...latencyByLabel(recorder) };
    Object.assign(latency, prefixed(phase, labels));
    notes.push(...recorder.firstErrors());
  }

  figures['errors'] = phases.reduce((n, p) => n + figures[`${p}.errors`]!, 0);
  return { figures, latency, notes };
}

async function runPhase(
  ctx: ScenarioContext,
  big: BigTenant,
  phase: Phase,
  recorder: LatencyRecorder,
): Promise<number> {
  const ms = ctx.scale.mixedSeconds * 1000;
  const random = seeded(ctx.run * 7 + phases.indexOf(phase));
  const joined = big.groups.map(() => [] as string[]);
  ctx.progress.start(`mixed load (${phase}) on ${ctx.system.name}`, ms);

  const started = Date.now();
  const ticker = setInterval(
    () => ctx.progress.update(Date.now() - started),
    250,
  );
  const pool = { count: 1e9, concurrency: ctx.scale.clients, maxMs: ms };
  await runPool(pool, async (i, lane) => {
    const pick = () => Math.floor(random() * big.users.ids.length);
    const request = requestFor(phase, i, { big, lane, pick, joined });
    await timedCall(big.tenant.scim, recorder, request);
  });
  clearInterval(ticker);
  ctx.progress.finish();

  return (Date.now() - started) / 1000;
}

interface Chooser {
  readonly big: BigTenant;
  readonly lane: number;
  readonly pick: () => number;
  /** Members each lane added to its own group and may remove again. */
  readonly joined: string[][];
}

function requestFor(phase: Phase, i: number, c: Chooser): TimedRequest {
  const style: ClientStyle = i % 2 === 0 ? 'entra' : 'okta';
  if (phase === 'reads') return i % 2 ? getById(c) : getByFilter(c);
  if (phase === 'writes') return patchUser(c, style, i);

  const slot = i % 20;
  if (slot < 6) return getById(c);
  if (slot < 11) return getByFilter(c);
  if (slot < 14) return patchUser(c, style, i);
  if (slot < 16) return putUser(c, i);
  return memberChange(c, style);
}

function getById(c: Chooser): TimedRequest {
  const id = c.big.users.ids[c.pick()]!;
  return { label: 'GET by id', method: 'GET', path: `/Users/${id}`, ok: [200] };
}

function getByFilter(c: Chooser): TimedRequest {
  const userName = c.big.users.userNames[c.pick()]!;
  const path = filterPath('Users', 'userName', userName);
  return { label: 'GET filter', method: 'GET', path, ok: [200] };
}

function patchUser(c: Chooser, style: ClientStyle, n: number): TimedRequest {
  const id = c.big.users.ids[c.pick()]!;
  return {
    label: `PATCH user (${style})`,
    method: 'PATCH',
    path: `/Users/${id}`,
    body: userPatch(style, n),
    ok: [200, 204],
  };
}

function putUser(c: Chooser, n: number): TimedRequest {
  const u = c.pick();
  const body = userPutBody(c.big.users.userNames[u]!, `seed${u}`, n);
  const path = `/Users/${c.big.users.ids[u]!}`;
  return { label: 'PUT user', method: 'PUT', path, body, ok: [200] };
}

/** Each lane owns one group: adds a member, next time removes it. */
function memberChange(c: Chooser, style: ClientStyle): TimedRequest {
  const group = c.lane % c.big.groups.length;
  const path = `/Groups/${c.big.groups[group]!}`;
  const members = c.joined[group]!;
  const leaving = members.pop();
  if (leaving !== undefined) {
    const body = removeMember(style, leaving);
    return {
      label: 'PATCH remove member',
      method: 'PATCH',
      path,
      body,
      ok: [200, 204],
    };
  }

  const joining = c.big.users.ids[c.pick()]!;
  members.push(joining);
  const body = addMembers(style, [joining]);
  return {
    label: 'PATCH add member',
    method: 'PATCH',
    path,
    body,
    ok: [200, 204],
  };
}

function prefixed<T>(prefix: string, values: Record<string, T>) {
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => [`${prefix}: ${key}`, value]),
  );
}

/** Deterministic uniform numbers in [0, 1) (mulberry32). */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
