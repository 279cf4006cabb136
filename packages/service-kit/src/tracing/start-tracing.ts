import { DiagLogLevel, diag } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter as JsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as ProtobufExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import {
  defaultResource,
  resourceFromAttributes,
} from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  NodeTracerProvider,
} from '@opentelemetry/sdk-trace-node';
import type { SpanExporter } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import type { TracingExport, TracingSettings } from '@roster/config';
import type { Logger } from 'pino';
import { samplerFor } from './sampler-for';

export interface Tracing {
  readonly enabled: boolean;
  /** Exports the spans still buffered, then stops. */
  shutdown(): Promise<void>;
}

/**
 * Registers the global tracer provider, propagator and context manager
 * when `settings` enable tracing; otherwise changes nothing, and spans
 * stay no-ops. `serviceName` applies unless OTEL_SERVICE_NAME is set.
 * The exporter reads OTEL_EXPORTER_OTLP_HEADERS, _TIMEOUT, _COMPRESSION
 * and the certificate variables itself.
 */
export function startTracing(
  settings: TracingSettings,
  serviceName: string,
  log: Logger,
): Tracing {
  if (!settings.enabled) return { enabled: false, shutdown: async () => {} };

  diag.setLogger(diagnostics(log), DiagLogLevel.WARN);
  const provider = new NodeTracerProvider({
    resource: defaultResource().merge(
      resourceFromAttributes({
        [ATTR_SERVICE_NAME]: settings.serviceName ?? serviceName,
      }),
    ),
    sampler: samplerFor(settings),
    spanProcessors: [
      new BatchSpanProcessor(exporterFor(settings), {
        scheduledDelayMillis: settings.scheduleDelayMs,
      }),
    ],
  });
  // Trace context only: a caller's baggage is not carried into the queue.
  provider.register({ propagator: new W3CTraceContextPropagator() });
  const { origin, pathname } = new URL(settings.url);
  // Origin and path only: a URL may carry credentials.
  log.info(
    { url: `${origin}${pathname}`, protocol: settings.protocol },
    'tracing on',
  );

  return { enabled: true, shutdown: () => provider.shutdown() };
}

function exporterFor(settings: TracingExport): SpanExporter {
  return settings.protocol === 'http/json'
    ? new JsonExporter({ url: settings.url })
    : new ProtobufExporter({ url: settings.url });
}

/** The SDK's own warnings (failed exports) as log lines. */
function diagnostics(log: Logger) {
  const warn = (message: string) => log.warn({ otel: message }, 'tracing');
  const ignore = () => undefined;
  return { error: warn, warn, info: ignore, debug: ignore, verbose: ignore };
}
