import { parseArgs } from 'node:util';
import type { ScenarioId } from './scenario-result';

export type SystemName = 'embedded' | 'production';

export interface BenchOptions {
  readonly help: boolean;
  readonly quick: boolean;
  readonly runs: number | undefined;
  readonly scenarios: readonly ScenarioId[];
  readonly modes: readonly SystemName[];
  readonly peer: boolean;
  readonly out: string | undefined;
  readonly cpuProf: boolean;
  /** Production over the server at BENCH_POSTGRES_URL, not one of its own. */
  readonly sharedPostgres: boolean;
  /** Run the modes, the peer and the rebuilds side by side. */
  readonly parallel: boolean;
  /** Overrides of single sizes, e.g. `mixedUsers=20000`. */
  readonly sizes: Record<string, number>;
  /** Rewrite the outputs from this results.json instead of measuring. */
  readonly from: string | undefined;
}

export const helpText = `scripts/bench.sh [options]   (pnpm bench [options] runs it too)

Load-tests Roster (embedded and production mode) and a SCIMMY peer on
127.0.0.1, then writes summary.md, results.json and latency.svg.

Scenarios: 1 entra-cycle, 2 mixed-load, 3 large-group,
           4 permission-checks, 5 rebuild (6, the peer, runs 1 and 2).

  --quick            small sizes, one run, the systems side by side, well
                     under a minute (CI; its figures mean little)
  --parallel         run the modes, the peer and the rebuilds side by side
                     (default with --quick; --no-parallel to run them in turn)
  --runs <n>         repetitions per scenario (default 3, quick 1)
  --only <list>      scenarios by number or name, e.g. --only 1,4
  --mode <m>         embedded, production or both (default both)
  --no-peer          skip the SCIMMY peer
  --out <dir>        output directory (default bench-results/<date>)
  --cpu-prof         V8 CPU profile of each Roster server and rebuild,
                     summarised in profiles/summary.md (default without
                     --quick; --no-cpu-prof to skip)
  --set <name=n>     override one size of bench-scale.ts, repeatable,
                     e.g. --set mixedUsers=20000 --set rebuildEvents=200000
  --shared-postgres  production over BENCH_POSTGRES_URL (see below)
  --from <json>      rewrite summary.md and latency.svg from a results.json
  --help             this text

Production mode starts a PostgreSQL server of its own (initdb and pg_ctl,
as user postgres when run as root): another client's long transaction on
a shared server would hold back every Roster projection there. With
--shared-postgres it uses the server at BENCH_POSTGRES_URL (default
postgres://postgres@127.0.0.1:5432/postgres) instead. Redis: 127.0.0.1:6379.
Exit code 1 if any request failed or a scenario could not run; speed
never fails the run.
`;

const ids: readonly ScenarioId[] = [
  'entra-cycle',
  'mixed-load',
  'large-group',
  'permission-checks',
  'rebuild',
];

/** @throws Error naming the bad option */
export function parseOptions(argv: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      help: { type: 'boolean', default: false },
      quick: { type: 'boolean', default: false },
      runs: { type: 'string' },
      only: { type: 'string' },
      mode: { type: 'string', default: 'both' },
      'no-peer': { type: 'boolean', default: false },
      out: { type: 'string' },
      'cpu-prof': { type: 'boolean' },
      'no-cpu-prof': { type: 'boolean', default: false },
      parallel: { type: 'boolean' },
      'shared-postgres': { type: 'boolean', default: false },
      'no-parallel': { type: 'boolean', default: false },
      set: { type: 'string', multiple: true, default: [] },
      from: { type: 'string' },
    },
    strict: true,
  });

  return {
    help: values.help,
    quick: values.quick,
    runs: values.runs === undefined ? undefined : positive(values.runs),
    scenarios: values.only ? values.only.split(',').map(scenarioOf) : ids,
    modes: modesOf(values.mode),
    peer: !values['no-peer'],
    out: values.out,
    cpuProf: values['cpu-prof'] ?? (!values.quick && !values['no-cpu-prof']),
    sharedPostgres: values['shared-postgres'],
    parallel: values.parallel ?? (values.quick && !values['no-parallel']),
    sizes: Object.fromEntries(values.set.map(sizeOf)),
    from: values.from,
  };
}

function sizeOf(text: string): [string, number] {
  const [key, value] = text.split('=');
  const number = Number(value);
  if (!key || !Number.isFinite(number) || number < 0) {
    throw new Error(`--set: expected name=number, got "${text}"`);
  }
  return [key, number];
}

function scenarioOf(text: string): ScenarioId {
  const trimmed = text.trim();
  const byNumber = ids[Number(trimmed) - 1];
  const found = byNumber ?? ids.find((id) => id === trimmed);
  if (!found) throw new Error(`--only: unknown scenario "${trimmed}"`);
  return found;
}

function modesOf(mode: string): SystemName[] {
  if (mode === 'both') return ['embedded', 'production'];
  if (mode === 'embedded' || mode === 'production') return [mode];
  throw new Error(`--mode: expected embedded, production or both`);
}

function positive(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`--runs: expected a positive integer, got "${text}"`);
  }
  return value;
}
