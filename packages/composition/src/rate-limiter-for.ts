import type { Redis } from 'ioredis';
import type { Config } from '@roster/config';
import {
  createMemoryRateLimiter,
  createRedisRateLimiter,
} from '@roster/service-kit';
import type { Metrics, RateLimiter } from '@roster/service-kit';

/** Shared counters over Redis in production, per process when embedded. */
export function rateLimiterFor(
  config: Config,
  redis: Redis | undefined,
  metrics: Metrics,
): RateLimiter {
  const limit = config.ROSTER_RATE_LIMIT_PER_SECOND;
  if (!redis) return createMemoryRateLimiter({ limit });

  return createRedisRateLimiter(redis, {
    limit,
    prefix: config.ROSTER_QUEUE_PREFIX,
    onFallback: () => metrics.rateLimiterFallbacks.inc(),
  });
}
