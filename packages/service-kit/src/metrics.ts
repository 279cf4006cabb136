import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Every metric Roster exports; names and labels are defined only here. */
export function createMetrics() {
  const registry = new Registry();
  const registers = [registry];

  return {
    registry,
    httpRequests: new Counter({
      name: 'roster_http_requests_total',
      help: 'HTTP requests by route, method and status',
      labelNames: ['route', 'method', 'status'] as const,
      registers,
    }),
    httpDuration: new Histogram({
      name: 'roster_http_request_duration_seconds',
      help: 'HTTP request latency',
      labelNames: ['route', 'method'] as const,
      buckets: [0.0005, 0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5],
      registers,
    }),
    appends: new Counter({
      name: 'roster_event_appends_total',
      help: 'Events appended to the event store',
      registers,
    }),
    appendConflicts: new Counter({
      name: 'roster_append_conflicts_total',
      help: 'Appends refused for a wrong expected revision, then retried',
      registers,
    }),
    projectionLagEvents: new Gauge({
      name: 'roster_projection_lag_events',
      help: 'Events a projection partition has still to apply',
      labelNames: ['projection', 'partition'] as const,
      registers,
    }),
    projectionLagSeconds: new Gauge({
      name: 'roster_projection_lag_seconds',
      help: 'Age of the oldest event a projection partition has not applied',
      labelNames: ['projection', 'partition'] as const,
      registers,
    }),
    projectionFailures: new Gauge({
      name: 'roster_projection_failures',
      help: 'Events a projection is stopped on',
      labelNames: ['projection'] as const,
      registers,
    }),
    queueDepth: new Gauge({
      name: 'roster_queue_depth',
      help: 'Wake-up jobs waiting in the projection queue',
      registers,
    }),
    rateLimited: new Counter({
      name: 'roster_rate_limited_total',
      help: 'Requests refused with 429 because a tenant used up its window',
      registers,
    }),
    rateLimiterFallbacks: new Counter({
      name: 'roster_rate_limiter_fallbacks_total',
      help: 'Rate decisions made locally because Redis did not answer',
      registers,
    }),
    wakeFailures: new Counter({
      name: 'roster_wake_failures_total',
      help: 'Wake-up jobs the ingress could not enqueue',
      registers,
    }),
    writesRefused: new Counter({
      name: 'roster_writes_refused_total',
      help: 'Writes answered 503 before any append, by reason',
      labelNames: ['reason'] as const,
      registers,
    }),
    checkDuration: new Histogram({
      name: 'roster_permission_check_duration_seconds',
      help: 'Server time of one permission check request',
      buckets: [0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.005, 0.025],
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
