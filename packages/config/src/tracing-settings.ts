import type { Environment } from './config-schema';

export type OtlpProtocol = 'http/protobuf' | 'http/json';
export type SamplerName = Environment['OTEL_TRACES_SAMPLER'];

/** Where and how spans are exported, when they are. */
export interface TracingExport {
  readonly enabled: true;
  /** The traces endpoint itself, e.g. `http://collector:4318/v1/traces`. */
  readonly url: string;
  readonly protocol: OtlpProtocol;
  readonly serviceName: string | undefined;
  readonly sampler: SamplerName;
  readonly samplerRatio: number;
  readonly scheduleDelayMs: number;
}

export type TracingSettings = TracingExport | { readonly enabled: false };

/** The specification's default when only OTEL_TRACES_EXPORTER is set. */
const defaultEndpoint = 'http://localhost:4318/';

/**
 * Tracing is on when OTEL_TRACES_EXPORTER is `otlp`, or unset with an
 * OTLP endpoint; OTEL_SDK_DISABLED=true or the exporter `none` turn it off.
 */
export function tracingSettings(env: Environment): TracingSettings {
  const endpoint =
    env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? env.OTEL_EXPORTER_OTLP_ENDPOINT;
  const exporter = env.OTEL_TRACES_EXPORTER ?? (endpoint ? 'otlp' : 'none');
  if (env.OTEL_SDK_DISABLED === true || exporter === 'none') {
    return { enabled: false };
  }

  return {
    enabled: true,
    url: tracesUrl(env),
    protocol:
      env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL ??
      env.OTEL_EXPORTER_OTLP_PROTOCOL ??
      'http/protobuf',
    serviceName: env.OTEL_SERVICE_NAME,
    sampler: env.OTEL_TRACES_SAMPLER,
    samplerRatio: env.OTEL_TRACES_SAMPLER_ARG,
    scheduleDelayMs: env.OTEL_BSP_SCHEDULE_DELAY,
  };
}

function tracesUrl(env: Environment): string {
  if (env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) {
    return env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  }
  const base = env.OTEL_EXPORTER_OTLP_ENDPOINT ?? defaultEndpoint;
  return `${base.endsWith('/') ? base : `${base}/`}v1/traces`;
}
