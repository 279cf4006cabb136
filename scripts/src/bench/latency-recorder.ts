/** Latency and error figures of one kind of request. */
export interface LatencySummary {
  readonly count: number;
  readonly errors: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

/** Collects per-label latencies (ms) and errors. */
export class LatencyRecorder {
  readonly #samples = new Map<string, number[]>();
  readonly #errors = new Map<string, number>();
  readonly #firstErrors: string[] = [];

  record(label: string, ms: number): void {
    const list = this.#samples.get(label) ?? [];
    list.push(ms);
    this.#samples.set(label, list);
  }

  fail(label: string, why: string): void {
    this.#errors.set(label, (this.#errors.get(label) ?? 0) + 1);
    if (this.#firstErrors.length < 5)
      this.#firstErrors.push(`${label}: ${why}`);
  }

  /** The first few failures, for the log. */
  firstErrors(): readonly string[] {
    return this.#firstErrors;
  }

  labels(): string[] {
    return [...new Set([...this.#samples.keys(), ...this.#errors.keys()])];
  }

  summary(label?: string): LatencySummary {
    const samples =
      label === undefined
        ? [...this.#samples.values()].flat()
        : (this.#samples.get(label) ?? []);
    const errors =
      label === undefined
        ? [...this.#errors.values()].reduce((sum, n) => sum + n, 0)
        : (this.#errors.get(label) ?? 0);
    return summarise(samples, errors);
  }
}

function summarise(samples: number[], errors: number): LatencySummary {
  const sorted = Float64Array.from(samples).sort();
  return {
    count: sorted.length,
    errors,
    p50: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    p99: quantile(sorted, 0.99),
    max: sorted.length ? (sorted[sorted.length - 1] ?? 0) : 0,
  };
}

/** Nearest-rank quantile of sorted values; 0 for none. */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
  return sorted[Math.max(0, rank)] ?? 0;
}
