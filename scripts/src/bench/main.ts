// `pnpm bench`: see bench-options.ts for the command line.
import { execFileSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { helpText, parseOptions } from './bench-options';
import type { BenchOptions } from './bench-options';
import type { BenchReport } from './bench-report';
import { fullScale, quickScale } from './bench-scale';
import type { BenchScale } from './bench-scale';
import { repoRoot } from './child-server';
import { summariseProfiles } from './profile-summary';
import { ProgressBar } from './progress-bar';
import { rebuildLog } from './rebuild-log';
import { repeatRuns } from './repeat-runs';
import { runPeer } from './run-peer';
import { runRoster } from './run-roster';
import type { SystemRun } from './run-roster';
import { aggregate } from './scenario-result';
import type { ScenarioResult } from './scenario-result';
import { readFile, writeFile } from 'node:fs/promises';

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(helpText);
    return 0;
  }

  if (options.from) return rewrite(options.from);

  const scale = scaleOf(options);
  const date = new Date().toISOString().slice(0, 10);
  const out = options.out ?? defaultOut(date, options.quick);
  const started = Date.now();
  const loadAtStart = loadavg()[0] ?? 0;

  const runs = await runAll(options, scale, out);
  const report = reportOf(options, scale, runs, {
    date,
    seconds: (Date.now() - started) / 1000,
    loadAtStart,
  });
  const summary = await writeWithProfiles(out, report, options.cpuProf);
  process.stdout.write(summary);
  process.stderr.write(`results in ${out}\n`);

  return failures(runs) === 0 ? 0 : 1;
}

function scaleOf(options: BenchOptions): BenchScale {
  const base = options.quick ? quickScale : fullScale;
  for (const key of Object.keys(options.sizes)) {
    if (!(key in base)) throw new Error(`--set: unknown size "${key}"`);
  }
  const scale = { ...base, ...options.sizes };
  return options.runs ? { ...scale, runs: options.runs } : scale;
}

function defaultOut(date: string, quick: boolean): string {
  return join(repoRoot, 'bench-results', quick ? `${date}-quick` : date);
}

async function runAll(
  options: BenchOptions,
  scale: BenchScale,
  out: string,
): Promise<SystemRun[]> {
  const progress = new ProgressBar();
  const profiles = options.cpuProf ? join(out, 'profiles') : undefined;
  await mkdir(profiles ?? out, { recursive: true });
  const runs: SystemRun[] = [];
  const attempt = async (name: string, run: () => Promise<SystemRun>) => {
    try {
      runs.push(await run());
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`\n${name} failed: ${message}\n`);
      runs.push({
        results: [],
        notes: [`${name} FAILED: ${message}`],
        topology: '',
      });
    }
  };

  const roster = options.scenarios.some((id) => id !== 'rebuild');
  for (const mode of options.modes) {
    if (roster) {
      await attempt(mode, () =>
        runRoster(mode, options, scale, progress, profiles, out),
      );
    }
  }
  const peerScenarios = ['entra-cycle', 'mixed-load'] as const;
  if (
    options.peer &&
    peerScenarios.some((id) => options.scenarios.includes(id))
  ) {
    await attempt('peer', () => runPeer(options, scale, progress));
  }
  if (options.scenarios.includes('rebuild')) {
    for (const mode of options.modes) {
      await attempt(`rebuild ${mode}`, () =>
        rebuildRuns(mode, scale, progress),
      );
    }
  }
  return runs;
}

async function rebuildRuns(
  mode: 'embedded' | 'production',
  scale: BenchScale,
  progress: ProgressBar,
): Promise<SystemRun> {
  const system = {
    name: mode,
    pids: [],
    createTenant: () => Promise.reject(new Error('unused')),
  };
  const runs = await repeatRuns({ system, scale, progress }, (ctx) =>
    rebuildLog(ctx, mode),
  );
  const result = aggregate('rebuild', mode, '', runs);
  return { results: [result], notes: [], topology: '' };
}

interface RunFacts {
  readonly date: string;
  readonly seconds: number;
  readonly loadAtStart: number;
}

function reportOf(
  options: BenchOptions,
  scale: BenchScale,
  runs: readonly SystemRun[],
  facts: RunFacts,
): BenchReport {
  const topology = runs
    .map((run) => run.topology)
    .find((t) => t.includes('PostgreSQL'));
  return {
    meta: {
      date: facts.date,
      commit: git(['rev-parse', 'HEAD']),
      machine: `${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}`,
      node: process.versions.node,
      quick: options.quick,
      runs: scale.runs,
      scale,
      topology: topology ?? 'not run',
      loadAverage: { start: facts.loadAtStart, end: loadavg()[0] ?? 0 },
      seeding:
        'users of scenarios 2-4 are created by SCIM POSTs from the load clients before measuring (not /Bulk: a bulk runs its operations one after another)',
      seconds: facts.seconds,
      notes: runs.flatMap((run) => run.notes),
    },
    results: runs.flatMap((run) => run.results),
  };
}

async function writeWithProfiles(
  out: string,
  report: BenchReport,
  cpuProf: boolean,
): Promise<string> {
  const summary = await import('./write-results').then((m) =>
    m.writeResults(out, report),
  );
  if (cpuProf) {
    const profiles = join(out, 'profiles');
    await writeFile(
      join(profiles, 'summary.md'),
      await summariseProfiles(profiles),
    );
  }
  return summary;
}

/** Summary and chart again from stored results, with today's targets. */
async function rewrite(file: string): Promise<number> {
  const stored = JSON.parse(await readFile(file, 'utf8')) as BenchReport;
  const report = { ...stored, results: stored.results.map(backfill(stored)) };
  const { writeResults } = await import('./write-results');
  process.stdout.write(await writeResults(dirname(file), report));
  return 0;
}

/** Figures added after a run was stored, derived from what it holds. */
function backfill(report: BenchReport) {
  return (result: ScenarioResult): ScenarioResult => {
    if (result.scenario !== 'entra-cycle') return result;
    const users = report.meta.scale.cycleUsers;
    const runs = result.runs.map((run) => ({
      ...run,
      figures: {
        'users.per.s': users / (run.figures['users.s'] ?? Infinity),
        ...run.figures,
      },
    }));
    return aggregate(result.scenario, result.system, result.headline, runs);
  };
}

/** Failed requests, and scenarios that could not run. */
function failures(runs: readonly SystemRun[]): number {
  const failed = runs.filter((run) =>
    run.notes.some((n) => n.includes('FAILED')),
  );
  const errors = runs
    .flatMap((run) => run.results)
    .flatMap((result) => result.runs)
    .reduce((sum, run) => sum + (run.figures['errors'] ?? 0), 0);
  return failed.length + errors;
}

function git(args: string[]): string {
  try {
    return execFileSync('git', args, {
      cwd: repoRoot,
      encoding: 'utf8',
    }).trim();
  } catch {
    return 'unknown';
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`bench: ${message}\n`);
    process.exit(2);
  },
);
