import type { BenchScale } from './bench-scale';
import type { ScenarioResult } from './scenario-result';

export interface BenchMeta {
  readonly date: string;
  readonly commit: string;
  readonly machine: string;
  readonly node: string;
  readonly quick: boolean;
  readonly runs: number;
  /** The sizes this run used (full: bench-scale.ts fullScale). */
  readonly scale: BenchScale;
  readonly topology: string;
  /** 1-minute load average at start and end: other work on the machine. */
  readonly loadAverage: { readonly start: number; readonly end: number };
  readonly seeding: string;
  /** Scenarios and Roster modes asked for; absent in older results. */
  readonly scenarios?: readonly string[];
  readonly modes?: readonly string[];
  /** Folder of CPU profiles next to the summary, when profiled. */
  readonly profiles?: string;
  readonly seconds: number;
  readonly notes: readonly string[];
}

/** Everything a bench run measured; written as results.json. */
export interface BenchReport {
  readonly meta: BenchMeta;
  readonly results: readonly ScenarioResult[];
}
