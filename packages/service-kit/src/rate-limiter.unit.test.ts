import { createMemoryRateLimiter } from './memory-rate-limiter';

describe('the in-memory rate limiter', () => {
  it('allows `limit` requests per window and key, then says when to retry', async () => {
    let now = 1_000;
    const limiter = createMemoryRateLimiter(
      { limit: 3, windowMs: 1000 },
      () => now,
    );

    const first = await Promise.all([1, 2, 3, 4].map(() => limiter.take('a')));
    const other = await limiter.take('b');
    now += 400;
    const later = await limiter.take('a');
    now += 700;
    const next = await limiter.take('a');

    expect(first.map((d) => d.allowed)).toEqual([true, true, true, false]);
    expect(first[3]?.retryAfterSeconds).toBe(1);
    expect(other.allowed).toBe(true);
    expect(later.allowed).toBe(false);
    expect(next.allowed).toBe(true);
  });
});
