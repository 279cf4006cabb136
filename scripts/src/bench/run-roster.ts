import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchOptions, SystemName } from './bench-options';
import type { BenchScale } from './bench-scale';
import type { ScenarioContext, SystemUnderTest } from './bench-types';
import { prepareBigTenant } from './big-tenant';
import { entraCycle } from './entra-cycle';
import { fillLargeGroup, largeGroup } from './large-group';
import { mixedLoad } from './mixed-load';
import { permissionChecks, prepareCheckTenant } from './permission-checks';
import type { ProgressBar } from './progress-bar';
import { repeatRuns } from './repeat-runs';
import { rosterAdmin } from './roster-admin';
import { startRoster } from './roster-server';
import { aggregate } from './scenario-result';
import type { ScenarioResult } from './scenario-result';

export interface SystemRun {
  readonly results: ScenarioResult[];
  readonly notes: string[];
  readonly topology: string;
}

/** Scenarios 1 to 4 against one Roster server of the given mode. */
export async function runRoster(
  mode: SystemName,
  options: BenchOptions,
  scale: BenchScale,
  progress: ProgressBar,
  profileDir: string | undefined,
  logDir?: string,
): Promise<SystemRun> {
  const server = await startRoster({ mode, cpuProfileDir: profileDir });
  const admin = rosterAdmin(server);
  const system: SystemUnderTest = {
    name: mode,
    pids: server.pids,
    createTenant: admin.createTenant,
  };
  const base = { system, scale, progress };
  const wants = (id: string) => options.scenarios.includes(id as never);
  const results: ScenarioResult[] = [];
  const notes: string[] = [];
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

  try {
    if (wants('entra-cycle')) {
      await attempt('entra-cycle', async () => {
        const runs = await repeatRuns(base, entraCycle);
        keep(aggregate('entra-cycle', mode, 'all', runs));
      });
    }
    if (wants('mixed-load') || wants('large-group')) {
      await attempt('scenarios 2 and 3', () =>
        bigTenantScenarios(base, wants, keep, notes),
      );
    }
    if (wants('permission-checks')) {
      await attempt('permission-checks', async () => {
        const ctx: ScenarioContext = { ...base, run: 0 };
        const target = await prepareCheckTenant(ctx, admin, server);
        const runs = await repeatRuns(base, (c) => permissionChecks(c, target));
        keep(aggregate('permission-checks', mode, 'check', runs));
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

async function bigTenantScenarios(
  base: Omit<ScenarioContext, 'run'>,
  wants: (id: string) => boolean,
  keep: (result: ScenarioResult) => void,
  notes: string[],
): Promise<void> {
  const name = base.system.name;
  const ctx: ScenarioContext = { ...base, run: 0 };
  const big = await prepareBigTenant(ctx);
  notes.push(
    `${name}: seeded ${big.users.ids.length} users by POST in ${big.users.seconds.toFixed(1)} s`,
  );

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
