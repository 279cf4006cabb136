/** How a client retries: attempts after the first, and their delays. */
export interface RetryPolicy {
  /** Retries after the first attempt. Default 2. */
  readonly retries?: number;
  /** First delay in ms; doubles per retry. Default 50. */
  readonly baseMs?: number;
  /** Largest delay in ms. Default 1000. */
  readonly maxMs?: number;
}

/** Full jitter: uniform in [0, min(max, base * 2^attempt)). */
export function retryDelayMs(
  attempt: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number {
  const base = policy.baseMs ?? 50;
  const cap = Math.min(policy.maxMs ?? 1000, base * 2 ** attempt);
  return Math.floor(random() * cap);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
