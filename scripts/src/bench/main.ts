// `scripts/bench.sh` (or `pnpm bench`): see bench-options.ts for the command line.
import { execFileSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { helpText, parseOptions } from './bench-options';
import type { BenchOptions } from './bench-options';
import type { BenchReport } from './bench-report';
import { fullScale, quickScale } from './bench-scale';
import type { BenchScale } from './bench-scale';
import { repoRoot } from './child-server';
import { summariseProfiles } from './profile-summary';
import { ProgressBar } from './progress-bar';
import { startPrivatePostgres } from './private-postgres';
import type { PrivatePostgres } from './private-postgres';
import { rebuildLog } from './rebuild-log';
import { repeatRuns } from './repeat-runs';
import { runPeer } from './run-peer';
import { noteLines, runRoster } from './run-roster';
import type { SystemRun } from './run-roster';
import { aggregate } from './scenario-result';
import type { ScenarioResult } from './scenario-result';
import { readFile, writeFile } from 'node:fs/promises';
import { launchNote } from './launch-note';

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(helpText);
    return 0;
  }

  if (options.from) return rewrite(options.from);

  const scale = scaleOf(options);
  const date = new Date().toISOString().slice(0, 10);
  // Child servers run elsewhere: their preload path must not be relative.
  const out = resolve(options.out ?? defaultOut(date, options.quick));
  const started = Date.now();
  const loadAtStart = loadavg()[0] ?? 0;

  const postgres = await ownPostgres(options);
  const runs = await runAll(options, scale, out).finally(() =>
    postgres?.stop(),
  );
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

/** A PostgreSQL server of the run's own, unless told to share one. */
async function ownPostgres(
  options: BenchOptions,
): Promise<PrivatePostgres | undefined> {
  if (options.sharedPostgres || !options.modes.includes('production')) {
    return undefined;
  }
  const postgres = await startPrivatePostgres();
  process.env['BENCH_POSTGRES_URL'] = postgres.adminUrl;
  return postgres;
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
  const profiles = options.cpuProf ? join(out, 'profiles') : undefined;
  await mkdir(profiles ?? out, { recursive: true });
  const lanes = lanesOf(options, scale, profiles, out);

  if (!options.parallel) {
    const progress = new ProgressBar();
    const runs: Ordered[][] = [];
    for (const lane of lanes) runs.push(await runLane(lane, progress));
    return ordered(runs);
  }
  const shared = (name: string) => new ProgressBar(`${name}: `, true);
  return ordered(
    await Promise.all(lanes.map((lane) => runLane(lane, shared(lane.name)))),
  );
}

/** Steps that run one after another; lanes may run side by side. */
interface Lane {
  readonly name: string;
  readonly steps: readonly Step[];
}

interface Step {
  readonly name: string;
  /** Where its results go in the report: modes, then peer, then rebuilds. */
  readonly order: number;
  run(progress: ProgressBar): Promise<SystemRun>;
}

function lanesOf(
  options: BenchOptions,
  scale: BenchScale,
  profiles: string | undefined,
  out: string,
): Lane[] {
  const roster = options.scenarios.some((id) => id !== 'rebuild');
  const rebuild = options.scenarios.includes('rebuild');
  const lanes: Lane[] = [];
  options.modes.forEach((mode, i) => {
    if (!roster) return;
    const run = (p: ProgressBar) =>
      runRoster(mode, options, scale, p, profiles, out);
    lanes.push({ name: mode, steps: [{ name: mode, order: i, run }] });
  });
  options.modes.forEach((mode, i) => {
    if (!rebuild) return;
    const name = `rebuild ${mode}`;
    const run = (p: ProgressBar) => rebuildRuns(mode, scale, p, profiles);
    lanes.push({ name, steps: [{ name, order: 10 + i, run }] });
  });

  const peerScenarios = ['entra-cycle', 'mixed-load'] as const;
  if (
    options.peer &&
    peerScenarios.some((id) => options.scenarios.includes(id))
  ) {
    const run = (p: ProgressBar) => runPeer(options, scale, p);
    lanes.push({ name: 'peer', steps: [{ name: 'peer', order: 5, run }] });
  }
  return lanes;
}

type Ordered = SystemRun & { readonly order: number };

async function runLane(lane: Lane, progress: ProgressBar): Promise<Ordered[]> {
  const runs: Ordered[] = [];
  for (const step of lane.steps) {
    const started = Date.now();
    const run = await step.run(progress).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`\n${step.name} failed: ${message}\n`);
      return {
        results: [],
        notes: [`${step.name} FAILED: ${message}`],
        topology: '',
      };
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const timing = `${step.name}: ${seconds} s wall time, start-up and seeding included`;
    runs.push({ ...run, notes: [...run.notes, timing], order: step.order });
  }
  return runs;
}

function ordered(lanes: readonly Ordered[][]): SystemRun[] {
  return lanes.flat().sort((a, b) => a.order - b.order);
}

async function rebuildRuns(
  mode: 'embedded' | 'production',
  scale: BenchScale,
  progress: ProgressBar,
  profiles: string | undefined,
): Promise<SystemRun> {
  const system = {
    name: mode,
    pids: [],
    createTenant: () => Promise.reject(new Error('unused')),
  };
  const runs = await repeatRuns({ system, scale, progress }, (ctx) =>
    rebuildLog(ctx, mode, profiles),
  );
  const result = aggregate('rebuild', mode, '', runs);
  return { results: [result], notes: noteLines(mode, result), topology: '' };
}

const seedingText =
  "Roster's users of scenarios 2-4, the large group of scenario 3 and the" +
  ' readers group of scenario 4 are appended through the ledger before the' +
  ' server serves (seed-main.ts: the events of a SCIM POST per user and of' +
  ' member PATCHes of 1,000, many users per append), then the projections' +
  ' apply them; the notes give both times. The peer gets its users by SCIM' +
  ' POSTs. Scenario 5 appends a generated log through the event store in' +
  ' chunks of 2,000 requests, then rebuilds every projection.';

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
  const found = runs
    .map((run) => run.topology)
    .find((t) => t.includes('PostgreSQL'));
  const server = options.sharedPostgres
    ? 'the PostgreSQL at BENCH_POSTGRES_URL'
    : "a PostgreSQL server of the run's own";
  const topology = found && `${found}; ${server}`;
  const launch = launchNote(process.env);
  const launchNotes = launch ? [launch] : [];
  return {
    meta: {
      date: facts.date,
      commit: git(['rev-parse', 'HEAD']),
      machine: machineOf(),
      node: process.versions.node,
      quick: options.quick,
      runs: scale.runs,
      scale,
      topology: topology ?? 'not run',
      loadAverage: { start: facts.loadAtStart, end: loadavg()[0] ?? 0 },
      seeding: seedingText,
      scenarios: options.scenarios,
      modes: options.modes,
      ...(options.cpuProf ? { profiles: 'profiles' } : {}),
      seconds: facts.seconds,
      notes: [...launchNotes, ...runs.flatMap((run) => run.notes)],
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

function machineOf(): string {
  const gib = Math.round(totalmem() / 2 ** 30);
  return `${cpus().length} cores, ${gib} GiB, Node ${process.versions.node}`;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`bench: ${message}\n`);
    process.exit(2);
  },
);
