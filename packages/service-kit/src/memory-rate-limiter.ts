import { decide, type RateLimit, type RateLimiter } from './rate-limiter';

interface Window {
  readonly endsAt: number;
  count: number;
}

/** One process's own counters: embedded mode, and the fallback of Redis. */
export function createMemoryRateLimiter(
  options: RateLimit,
  now: () => number = Date.now,
): RateLimiter {
  const windowMs = options.windowMs ?? 1000;
  const windows = new Map<string, Window>();
  let sweptAt = 0;

  const sweep = (at: number): void => {
    if (at - sweptAt < windowMs * 10) return;
    sweptAt = at;
    for (const [key, window] of windows) {
      if (window.endsAt <= at) windows.delete(key);
    }
  };

  return {
    take: (key) => {
      const at = now();
      sweep(at);

      let window = windows.get(key);
      if (!window || window.endsAt <= at) {
        window = { endsAt: at + windowMs, count: 0 };
        windows.set(key, window);
      }
      window.count += 1;

      return Promise.resolve(
        decide(window.count, options.limit, window.endsAt - at),
      );
    },
  };
}
