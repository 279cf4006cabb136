export { shutDown, type ShutdownStep } from './graceful-shutdown';
export type { FastRoute } from './fast-route';
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
  beginRequest,
  openRequest,
  requestContext,
  requestInfo,
  type BeginOptions,
  type OpenedRequest,
  type RequestInfo,
} from './request-context';
export { requestDeadline } from './request-deadline';
export {
  bearerToken,
  generateToken,
  hashesMatch,
  hashToken,
  tokenMatchesHash,
  type TokenPrefix,
} from './secret-token';
export { securityHeaders, setSecurityHeaders } from './security-headers';
export { keepGcPausesShort } from './short-gc-pauses';
export { sendJson, sendProblem } from './send-json';
export { endRequestSpan } from './tracing/request-span';
export { startTracing, type Tracing } from './tracing/start-tracing';
export {
  activeTraceId,
  traceContextOf,
  type TraceContext,
} from './tracing/trace-context';
export { spanAttributes, spans, tracer } from './tracing/tracer';
export { createMetrics, type Metrics } from './metrics';
export { requestMetrics } from './request-metrics';
