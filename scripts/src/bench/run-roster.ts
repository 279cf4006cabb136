import { writeFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import type { BenchOptions, SystemName } from './bench-options';
import type { BenchScale } from './bench-scale';
import type { ScenarioContext, SystemUnderTest } from './bench-types';
import { prepareBigTenant } from './big-tenant';
import type { SeededSource } from './big-tenant';
import { waitForProjections, waitForResource } from './caught-up';
import { entraCycle } from './entra-cycle';
import { fillLargeGroup, largeGroup } from './large-group';
import { mixedLoad } from './mixed-load';
import {
  permissionChecks,
  prepareCheckTenant,
  steadyCheckLabel,
} from './permission-checks';
import type { ProgressBar } from './progress-bar';
import { repeatRuns } from './repeat-runs';
import { rosterAdmin } from './roster-admin';
import type { RosterAdmin } from './roster-admin';
import { startRoster } from './roster-server';
import { aggregate } from './scenario-result';
import type { ScenarioResult } from './scenario-result';
import { bigTenantId, checkTenantId } from './seed-plan';
import { seedPlanOf, seedStates } from './seed-states';
import type { SeededStates } from './seed-states';

export interface SystemRun {
  readonly results: ScenarioResult[];
  readonly notes: string[];
  readonly topology: string;
}

/**
 * Scenarios 1 to 4 against one Roster server of the given mode. The large
 * states of scenarios 2 to 4 are seeded through the ledger first.
 */
export async function runRoster(
  mode: SystemName,
  options: BenchOptions,
  scale: BenchScale,
  progress: ProgressBar,
  profileDir: string | undefined,
  logDir?: string,
): Promise<SystemRun> {
  const wants = (id: string) => options.scenarios.includes(id as never);
  const plan = seedPlanOf(scale, wants);
  let seeded: SeededStates | undefined;
  const seed =
    plan.tenants.length === 0
      ? undefined
      : async (storeArgs: string[]) => {
          seeded = await seedStates(plan, storeArgs, progress);
        };

  const server = await startRoster({ mode, cpuProfileDir: profileDir, seed });
  const notes: string[] = [];
  if (server.startSeconds !== undefined) {
    notes.push(
      `${mode}: the server answered /healthz ${server.startSeconds.toFixed(1)} s after it started`,
    );
  }
  const admin = rosterAdmin(server);
  const system: SystemUnderTest = {
    name: mode,
    pids: server.pids,
    createTenant: admin.createTenant,
  };
  const base = { system, scale, progress };
  const results: ScenarioResult[] = [];
  const keep = (result: ScenarioResult) => {
    results.push(result);
    notes.push(...noteLines(mode, result));
  };

  const attempt = async (name: string, run: () => Promise<void>) => {
    await run().catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`\n${mode} ${name} FAILED: ${message}\n`);
      notes.push(`${mode} ${name} FAILED: ${message}`);
    });
  };
  const sourceOf = (tenantId: string, sockets: number) =>
    seeded ? seededSource(admin, seeded, tenantId, sockets) : undefined;

  try {
    if (seeded) {
      const states = seeded;
      await attempt('seeding', async () => {
        const s = await caughtUp(
          server.scimUrl,
          admin,
          states,
          scale,
          progress,
        );
        notes.push(
          `${mode}: seeded ${states.note}; the projections applied them in ${s.toFixed(1)} s more`,
        );
      });
    }
    if (wants('entra-cycle')) {
      await attempt('entra-cycle', async () => {
        const runs = await repeatRuns(base, entraCycle);
        keep(aggregate('entra-cycle', mode, 'all', runs));
      });
    }
    if (wants('mixed-load') || wants('large-group')) {
      await attempt('scenarios 2 and 3', () =>
        bigTenantScenarios(
          base,
          wants,
          keep,
          sourceOf(bigTenantId, scale.clients + 2),
        ),
      );
    }
    if (wants('permission-checks')) {
      await attempt('permission-checks', async () => {
        const ctx: ScenarioContext = { ...base, run: 0 };
        const source = sourceOf(checkTenantId, 4);
        const target = await prepareCheckTenant(ctx, admin, server, source);
        const runs = await repeatRuns(base, (c) => permissionChecks(c, target));
        keep(
          aggregate(
            'permission-checks',
            mode,
            steadyCheckLabel(base.scale),
            runs,
          ),
        );
        target.access.close();
      });
    }
  } finally {
    admin.close();
    const log = server.output();
    await server.stop();
    if (logDir) await writeFile(join(logDir, `server-${mode}.log`), log);
  }
  return { results, notes, topology: server.topology };
}

/** Seconds until the projections have applied every seeded event. */
async function caughtUp(
  scimUrl: string,
  admin: RosterAdmin,
  states: SeededStates,
  scale: BenchScale,
  progress: ProgressBar,
): Promise<number> {
  const started = performance.now();
  const maxMs = scale.catchUpMaxS * 1000;
  await waitForProjections(scimUrl, progress, maxMs);

  for (const [tenantId, seeded] of Object.entries(states.result.tenants)) {
    const groupId = Object.values(seeded.groupIds).at(-1);
    const source = seededSource(admin, states, tenantId, 1);
    if (!groupId || !source) continue;
    const path = `/Groups/${groupId}?excludedAttributes=members`;
    await waitForResource(source.tenant.scim, path, maxMs);
  }
  return (performance.now() - started) / 1000;
}

function seededSource(
  admin: RosterAdmin,
  seeded: SeededStates,
  tenantId: string,
  sockets: number,
): SeededSource | undefined {
  const tenant = seeded.result.tenants[tenantId];
  const token = seeded.tokens[tenantId];
  if (!tenant || !token) return undefined;
  return { tenant: admin.openTenant(tenantId, token, sockets), seeded: tenant };
}

async function bigTenantScenarios(
  base: Omit<ScenarioContext, 'run'>,
  wants: (id: string) => boolean,
  keep: (result: ScenarioResult) => void,
  source: SeededSource | undefined,
): Promise<void> {
  const name = base.system.name;
  const ctx: ScenarioContext = { ...base, run: 0 };
  const big = await prepareBigTenant(ctx, source);

  if (wants('mixed-load')) {
    const runs = await repeatRuns(base, (c) => mixedLoad(c, big));
    keep(aggregate('mixed-load', name, 'mixed: all', runs));
  }
  if (wants('large-group')) {
    const group = await fillLargeGroup(ctx, big);
    const runs = await repeatRuns(base, (c) => largeGroup(c, big, group));
    keep(aggregate('large-group', name, 'PATCH add members', runs));
  }
}

export function noteLines(system: string, result: ScenarioResult): string[] {
  return result.runs.flatMap((run, i) =>
    (run.notes ?? []).map(
      (note) => `${system} ${result.scenario} run ${i + 1}: ${note}`,
    ),
  );
}
