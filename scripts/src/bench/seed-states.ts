import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchScale } from './bench-scale';
import { startChild } from './child-server';
import type { ProgressBar } from './progress-bar';
import {
  bigTenantId,
  checkTenantId,
  largeGroupName,
  readersGroupName,
} from './seed-plan';
import type { SeedPlan, SeedResult, TenantPlan } from './seed-plan';

/** The large states of scenarios 2 to 4, written before they run. */
export interface SeededStates {
  readonly result: SeedResult;
  readonly tokens: Record<string, string>;
  /** How the states were made, for the summary. */
  readonly note: string;
}

/** What scenarios 2 to 4 need, for the scenarios that will run. */
export function seedPlanOf(
  scale: BenchScale,
  wants: (id: string) => boolean,
): SeedPlan {
  const tenants: TenantPlan[] = [];
  if (wants('mixed-load') || wants('large-group')) {
    const groups = wants('large-group')
      ? [{ displayName: largeGroupName, members: scale.groupBase }]
      : [];
    tenants.push(
      tenantPlan(bigTenantId, scale.mixedUsers + scale.groupAdd, groups),
    );
  }
  if (wants('permission-checks')) {
    const users = scale.checkUsers + scale.revocations * scale.runs;
    const readers = [{ displayName: readersGroupName, members: users }];
    tenants.push(tenantPlan(checkTenantId, users, readers));
  }
  return { tenants, batch: scale.seedBatch };
}

function tenantPlan(
  tenantId: string,
  users: number,
  groups: TenantPlan['groups'],
): TenantPlan {
  const scimToken = `rst_scim_bench_${randomBytes(16).toString('hex')}`;
  return { tenantId, scimToken, users, groups };
}

/**
 * Runs seed-main.ts on the store that `storeArgs` names (`--postgres url`
 * or `--data-dir dir`); the server must not hold an embedded data dir.
 */
export async function seedStates(
  plan: SeedPlan,
  storeArgs: readonly string[],
  progress: ProgressBar,
): Promise<SeededStates> {
  const dir = await mkdtemp(join(tmpdir(), 'roster-seed-'));
  const planFile = join(dir, 'plan.json');
  const resultFile = join(dir, 'result.json');
  await writeFile(planFile, JSON.stringify(plan));
  const users = plan.tenants.reduce((sum, tenant) => sum + tenant.users, 0);
  progress.start(`seeding ${users} users through the ledger`, users);

  try {
    const child = startChild({
      entry: 'scripts/src/bench/seed-main.ts',
      env: {},
      nodeFlags: ['--max-old-space-size=4096'],
      args: [planFile, resultFile, ...storeArgs],
      onLine: (line) => progress.update(doneOf(line)),
    });
    const code = await child.exited;
    if (code !== 0)
      throw new Error(`seeding failed (${code}): ${child.output()}`);
    progress.finish();

    const result = JSON.parse(await readFile(resultFile, 'utf8')) as SeedResult;
    const tokens = Object.fromEntries(
      plan.tenants.map((tenant) => [tenant.tenantId, tenant.scimToken]),
    );
    return { result, tokens, note: noteOf(plan, result) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function doneOf(line: string): number {
  if (!line.startsWith('{')) return 0;
  const parsed = JSON.parse(line) as { done?: number };
  return parsed.done ?? 0;
}

function noteOf(plan: SeedPlan, result: SeedResult): string {
  const groups = plan.tenants.flatMap((tenant) =>
    tenant.groups.map((g) => `${g.displayName} (${g.members} members)`),
  );
  const rate = result.users / Math.max(result.seconds, 0.001);
  return (
    `${result.users} users${groups.length ? ` and groups ${groups.join(', ')}` : ''}` +
    ` appended through the ledger (the events a SCIM POST and member PATCHes` +
    ` of 1,000 write), ${plan.batch} users per append, in` +
    ` ${result.seconds.toFixed(1)} s (${rate.toFixed(0)} users/s)`
  );
}
