import type { RunResult } from './bench-types';
import type { LatencySummary } from './latency-recorder';

export type ScenarioId =
  | 'entra-cycle'
  | 'mixed-load'
  | 'large-group'
  | 'permission-checks'
  | 'rebuild';

export const scenarioTitles: Record<ScenarioId, string> = {
  'entra-cycle': '1. Entra initial cycle',
  'mixed-load': '2. Steady mixed load',
  'large-group': '3. Large group',
  'permission-checks': '4. Permission checks',
  rebuild: '5. Rebuild from the log',
};

export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

/** Every run of one scenario on one system, and their spread. */
export interface ScenarioResult {
  readonly scenario: ScenarioId;
  /** `embedded`, `production` or `peer`. */
  readonly system: string;
  /** The figure that names the latency shown in the chart. */
  readonly headline: string;
  readonly runs: readonly RunResult[];
  readonly figures: Record<string, Spread>;
  /** Median over runs of each percentile of the headline request kind. */
  readonly latency: LatencySummary | undefined;
}

export function aggregate(
  scenario: ScenarioId,
  system: string,
  headline: string,
  runs: readonly RunResult[],
): ScenarioResult {
  const keys = new Set(runs.flatMap((run) => Object.keys(run.figures)));
  const figures: Record<string, Spread> = {};
  for (const key of keys) {
    const values = runs.map((run) => run.figures[key]).filter(isNumber);
    figures[key] = spreadOf(values);
  }

  return {
    scenario,
    system,
    headline,
    runs,
    figures,
    latency: headlineLatency(runs, headline),
  };
}

function headlineLatency(
  runs: readonly RunResult[],
  headline: string,
): LatencySummary | undefined {
  const found = runs.map((run) => run.latency[headline]).filter(isDefined);
  if (found.length === 0) return undefined;
  const median = (pick: (s: LatencySummary) => number) =>
    spreadOf(found.map(pick)).median;
  return {
    count: median((s) => s.count),
    errors: median((s) => s.errors),
    p50: median((s) => s.p50),
    p95: median((s) => s.p95),
    p99: median((s) => s.p99),
    max: median((s) => s.max),
  };
}

export function spreadOf(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor((sorted.length - 1) / 2);
  const median =
    sorted.length % 2 === 1
      ? (sorted[middle] ?? 0)
      : ((sorted[middle] ?? 0) + (sorted[middle + 1] ?? 0)) / 2;
  return {
    median,
    min: sorted[0] ?? 0,
    max: sorted[sorted.length - 1] ?? 0,
  };
}

function isNumber(value: number | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}
