import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ProjectionRuntime } from '@roster/projection-runtime';
import type { Metrics } from '@roster/service-kit';

/** /healthz, /readyz (health of the runtime) and /metrics. */
export function statusRoutes(runtime: ProjectionRuntime, metrics: Metrics) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    void route(runtime, metrics, request.url ?? '/').then(
      ({ status, type, body }) => {
        response.writeHead(status, { 'content-type': type });
        response.end(body);
      },
      () => {
        response.writeHead(503, { 'content-type': 'application/json' });
        response.end('{"ready":false}');
      },
    );
  };
}

async function route(
  runtime: ProjectionRuntime,
  metrics: Metrics,
  url: string,
): Promise<{ status: number; type: string; body: string }> {
  const json = 'application/json';
  if (url === '/healthz')
    return { status: 200, type: json, body: '{"ok":true}' };

  if (url === '/readyz') {
    const health = await runtime.health();
    return {
      status: health.ready ? 200 : 503,
      type: json,
      body: JSON.stringify(health),
    };
  }

  if (url === '/metrics') {
    await recordStatus(runtime, metrics);
    return {
      status: 200,
      type: metrics.registry.contentType,
      body: await metrics.registry.metrics(),
    };
  }
  return { status: 404, type: json, body: '{"error":"not found"}' };
}

async function recordStatus(
  runtime: ProjectionRuntime,
  metrics: Metrics,
): Promise<void> {
  const statuses = await runtime.status();
  const failures = new Map<string, number>();

  for (const status of statuses) {
    if (status.state === 'retired') continue;
    const labels = {
      projection: status.schema,
      partition: String(status.partition),
    };
    metrics.projectionLagEvents.set(labels, status.lagEvents);
    metrics.projectionLagSeconds.set(labels, status.lagSeconds);
    const failed = status.failure ? 1 : 0;
    failures.set(status.schema, (failures.get(status.schema) ?? 0) + failed);
  }
  for (const [projection, count] of failures) {
    metrics.projectionFailures.set({ projection }, count);
  }
}
