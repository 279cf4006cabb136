export { shutDown, type ShutdownStep } from './graceful-shutdown';
export { HttpProblem } from './http-problem';
export { createLogger, type Logger } from './logger';
export { createMemoryRateLimiter } from './memory-rate-limiter';
export { rateLimit, type RateLimitOptions } from './rate-limit';
export type { RateDecision, RateLimit, RateLimiter } from './rate-limiter';
export {
  createRedisRateLimiter,
  type RedisRateLimitOptions,
} from './redis-rate-limiter';
export {
  currentRequest,
  requestContext,
  requestInfo,
  type RequestInfo,
} from './request-context';
export { requestDeadline } from './request-deadline';
export {
  bearerToken,
  generateToken,
  hashToken,
  tokenMatchesHash,
  type TokenPrefix,
} from './secret-token';
export { securityHeaders } from './security-headers';
export { traceContext, type TraceContext } from './trace-context';
export { createMetrics, type Metrics } from './metrics';
export { requestMetrics } from './request-metrics';
