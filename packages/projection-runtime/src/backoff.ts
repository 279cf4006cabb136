export interface RetryPolicy {
  /** Delay after the first failure, in ms. Default 1000. */
  readonly baseMs?: number;
  /** Longest delay, in ms. Default 300000 (5 minutes). */
  readonly maxMs?: number;
}

/** Exponential backoff with ±25 % jitter, for the `attempts`-th failure. */
export function backoffMs(attempts: number, policy: RetryPolicy = {}): number {
  const base = policy.baseMs ?? 1000;
  const max = policy.maxMs ?? 300_000;

  const plain = Math.min(max, base * 2 ** Math.max(0, attempts - 1));
  const jitter = plain * 0.25 * (Math.random() * 2 - 1);
  return Math.max(0, Math.round(plain + jitter));
}
