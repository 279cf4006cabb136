/** Whether one more request of a key fits in its current window. */
export interface RateDecision {
  readonly allowed: boolean;
  /** Whole seconds until the window ends; at least 1 when refused. */
  readonly retryAfterSeconds: number;
}

/** A fixed-window counter per key (a tenant, say). */
export interface RateLimiter {
  take(key: string): Promise<RateDecision>;
}

export interface RateLimit {
  /** Requests allowed per key in one window. */
  readonly limit: number;
  /** Window length in ms. Default 1000. */
  readonly windowMs?: number;
}

/** The decision for the `count`th request of a window that ends in `ms`. */
export function decide(count: number, limit: number, ms: number): RateDecision {
  const allowed = count <= limit;
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  return { allowed, retryAfterSeconds: allowed ? 0 : seconds };
}
