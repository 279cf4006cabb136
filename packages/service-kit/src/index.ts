export { shutDown, type ShutdownStep } from './graceful-shutdown';
export { HttpProblem } from './http-problem';
export { createLogger, type Logger } from './logger';
export {
  requestContext,
  requestInfo,
  type RequestInfo,
} from './request-context';
export {
  bearerToken,
  generateToken,
  hashToken,
  tokenMatchesHash,
  type TokenPrefix,
} from './secret-token';
export { createMetrics, type Metrics } from './metrics';
export { requestMetrics } from './request-metrics';
