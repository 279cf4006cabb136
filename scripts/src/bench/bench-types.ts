import type { BenchTenant } from './roster-admin';
import type { LatencySummary } from './latency-recorder';
import type { ProgressBar } from './progress-bar';
import type { BenchScale } from './bench-scale';

/** What a scenario runs against: a Roster mode or the peer. */
export interface SystemUnderTest {
  /** `embedded`, `production` or `peer`. */
  readonly name: string;
  readonly pids: readonly number[];
  createTenant(tenantId: string, sockets: number): Promise<BenchTenant>;
}

export interface ScenarioContext {
  readonly system: SystemUnderTest;
  readonly scale: BenchScale;
  readonly progress: ProgressBar;
  /** 0-based repetition, so each run can use fresh tenants. */
  readonly run: number;
}

/** One run of one scenario: flat named figures and latency per label. */
export interface RunResult {
  readonly figures: Record<string, number>;
  readonly latency: Record<string, LatencySummary>;
  readonly notes?: readonly string[];
}
