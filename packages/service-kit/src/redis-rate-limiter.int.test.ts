import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { createRedisRateLimiter } from './redis-rate-limiter';

describe('the Redis rate limiter', () => {
  const prefix = `roster-rate-test-${randomBytes(4).toString('hex')}`;
  let redis: Redis;

  beforeAll(() => {
    redis = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
  });

  afterAll(async () => {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  it('shares one window between instances and names the seconds to wait', async () => {
    const options = { limit: 5, windowMs: 2000, prefix };
    const one = createRedisRateLimiter(redis, options);
    const two = createRedisRateLimiter(redis, options);

    const decisions = await Promise.all(
      Array.from({ length: 8 }, (_, i) => (i % 2 ? one : two).take('acme')),
    );
    const elsewhere = await one.take('other');

    expect(decisions.filter((d) => d.allowed)).toHaveLength(5);
    expect(decisions.find((d) => !d.allowed)?.retryAfterSeconds).toBe(2);
    expect(elsewhere.allowed).toBe(true);
  });

  it('counts locally while Redis cannot be reached', async () => {
    const down = new Redis('redis://127.0.0.1:1', {
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      lazyConnect: true,
    });
    down.on('error', () => undefined);
    let fallbacks = 0;
    const limiter = createRedisRateLimiter(down, {
      limit: 2,
      prefix,
      onFallback: () => (fallbacks += 1),
    });

    const decisions = await Promise.all([1, 2, 3].map(() => limiter.take('t')));

    expect(decisions.map((d) => d.allowed)).toEqual([true, true, false]);
    expect(fallbacks).toBe(3);
    down.disconnect();
  });
});
