import type { ScenarioId, ScenarioResult } from './scenario-result';

/** A figure's median compared with a bound from the issue. */
export interface Target {
  readonly scenario: ScenarioId;
  readonly figure: string;
  readonly atLeast?: number;
  readonly below?: number;
  readonly text: string;
}

export const targets: readonly Target[] = [
  {
    scenario: 'entra-cycle',
    figure: 'rps',
    atLeast: 1500,
    text: 'S1 >= 1,500 req/s',
  },
  { scenario: 'entra-cycle', figure: 'p99', below: 50, text: 'S1 p99 < 50 ms' },
  {
    scenario: 'entra-cycle',
    figure: 'errors',
    below: 0.5,
    text: 'S1 0 errors',
  },
  {
    scenario: 'entra-cycle',
    figure: 'users.per.s',
    atLeast: 10_000 / 15,
    text: 'S1 10,000 users < 15 s (>= 667 users/s)',
  },
  {
    scenario: 'mixed-load',
    figure: 'reads.rps',
    atLeast: 3000,
    text: 'S2 reads >= 3,000/s',
  },
  {
    scenario: 'mixed-load',
    figure: 'reads.p99',
    below: 20,
    text: 'S2 reads p99 < 20 ms',
  },
  {
    scenario: 'mixed-load',
    figure: 'writes.rps',
    atLeast: 1000,
    text: 'S2 >= 1,000 PATCH/s',
  },
  {
    scenario: 'mixed-load',
    figure: 'writes.p99',
    below: 50,
    text: 'S2 PATCH p99 < 50 ms',
  },
  {
    scenario: 'mixed-load',
    figure: 'server.rss.mb',
    below: 400,
    text: 'server < 400 MB RSS at 100,000 users',
  },
  {
    scenario: 'large-group',
    figure: 'add.p99',
    below: 300,
    text: 'S3 1,000-member PATCH p99 < 300 ms',
  },
  {
    scenario: 'large-group',
    figure: 'read.p99',
    below: 5,
    text: 'S3 members-excluded read < 5 ms (p99)',
  },
  {
    scenario: 'permission-checks',
    figure: 'single.cps',
    atLeast: 10_000,
    text: 'S4 >= 10,000 HTTP checks/s',
  },
  {
    scenario: 'permission-checks',
    figure: 'steady.p99',
    below: 5,
    text: 'S4 HTTP check p99 < 5 ms at 10,000 checks/s',
  },
  {
    scenario: 'permission-checks',
    figure: 'local.cps',
    atLeast: 1_000_000,
    text: 'S4 in-process > 1,000,000 checks/s',
  },
  {
    scenario: 'permission-checks',
    figure: 'deny.worstMs',
    below: 0.001,
    text: 'S4 time to denial 0',
  },
  {
    scenario: 'rebuild',
    figure: 'events/s',
    atLeast: 50_000,
    text: 'S5 1,000,000 events < 20 s (>= 50,000 events/s)',
  },
];

export type Verdict = 'met' | 'MISSED' | 'n/a';

export interface TargetVerdict {
  readonly target: Target;
  readonly system: string;
  readonly value: number | undefined;
  readonly verdict: Verdict;
}

/**
 * Each target judged on the median of each Roster mode. A scenario that
 * was asked for but has no result (it failed) misses all its targets.
 */
export function judge(
  results: readonly ScenarioResult[],
  asked: { scenarios?: readonly string[]; modes?: readonly string[] } = {},
): TargetVerdict[] {
  const roster = results.filter((result) => result.system !== 'peer');
  const modes = asked.modes ?? [...new Set(roster.map((r) => r.system))];
  const scenarios = asked.scenarios ?? roster.map((r) => r.scenario);
  return targets
    .filter((target) => scenarios.includes(target.scenario))
    .flatMap((target) =>
      modes.map((system) => {
        const result = roster.find(
          (r) => r.scenario === target.scenario && r.system === system,
        );
        if (!result) {
          return { target, system, value: undefined, verdict: 'MISSED' };
        }
        return verdictOf(target, result);
      }),
    );
}

function verdictOf(target: Target, result: ScenarioResult): TargetVerdict {
  const value = result.figures[target.figure]?.median;
  const system = result.system;
  if (value === undefined) return { target, system, value, verdict: 'n/a' };

  const ok =
    (target.atLeast === undefined || value >= target.atLeast) &&
    (target.below === undefined || value < target.below);
  return { target, system, value, verdict: ok ? 'met' : 'MISSED' };
}

/** Roster figure over the peer's, for throughput figures both report. */
export const peerRatioFigures: Partial<Record<ScenarioId, string[]>> = {
  'entra-cycle': ['rps'],
  'mixed-load': ['reads.rps', 'writes.rps', 'mixed.rps'],
};
