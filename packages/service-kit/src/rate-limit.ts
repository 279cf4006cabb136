import type { NextFunction, Request, Response } from 'express';
import type { RateLimiter } from './rate-limiter';

export interface RateLimitOptions {
  /** The key a request counts against; undefined skips the limit. */
  readonly keyOf: (req: Request) => Promise<string | undefined>;
  /** Writes the 429; the Retry-After header is already set. */
  readonly refuse: (res: Response) => void;
  /** Told of every refusal, e.g. to count it. */
  readonly onRefused?: (key: string) => void;
}

/** Answers 429 with Retry-After once a key used up its window. */
export function rateLimit(limiter: RateLimiter, options: RateLimitOptions) {
  return async (
    req: Request,
    res: Response,
    next: NextFunction,
  ): Promise<void> => {
    const key = await options.keyOf(req);
    if (key === undefined) return next();

    const decision = await limiter.take(key);
    if (decision.allowed) return next();

    options.onRefused?.(key);
    res.setHeader('Retry-After', String(decision.retryAfterSeconds));
    options.refuse(res);
  };
}
