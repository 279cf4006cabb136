import type { Redis } from 'ioredis';
import { createMemoryRateLimiter } from './memory-rate-limiter';
import { decide, type RateLimit, type RateLimiter } from './rate-limiter';

/** INCR the window's counter; the first request of a window sets its TTL. */
const fixedWindow = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}
`;

export interface RedisRateLimitOptions extends RateLimit {
  /** Key prefix, e.g. ROSTER_QUEUE_PREFIX. */
  readonly prefix: string;
  /** Told when Redis failed and the local counters decided instead. */
  readonly onFallback?: (error: unknown) => void;
}

/**
 * Counters shared by every instance through one Lua script per request.
 * While Redis is unreachable each instance counts for itself.
 */
export function createRedisRateLimiter(
  redis: Redis,
  options: RedisRateLimitOptions,
): RateLimiter {
  const windowMs = options.windowMs ?? 1000;
  const local = createMemoryRateLimiter(options);

  return {
    take: async (key) => {
      try {
        const reply = await redis.eval(
          fixedWindow,
          1,
          `${options.prefix}:rate:${key}`,
          String(windowMs),
        );
        const [count, ttl] = reply as [number, number];
        return decide(count, options.limit, ttl);
      } catch (error) {
        options.onFallback?.(error);
        return local.take(key);
      }
    },
  };
}
