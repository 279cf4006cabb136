import { Redis } from 'ioredis';

/**
 * A Redis connection for request paths: a command fails at once while
 * Redis is unreachable instead of waiting in an offline queue.
 */
export function openRedis(url: string): Redis {
  const redis = new Redis(url, {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    connectTimeout: 2000,
    retryStrategy: (attempt) => Math.min(attempt * 100, 1000),
  });
  // Failures surface in the commands and in readiness; not as a crash.
  redis.on('error', () => undefined);
  return redis;
}

/** Whether commands sent now can reach Redis. */
export function redisIsReady(redis: Redis): boolean {
  return redis.status === 'ready';
}
