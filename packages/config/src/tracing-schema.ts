import { z } from 'zod';

const httpUrl = z
  .string()
  .url()
  .refine(
    (value) =>
      URL.canParse(value) &&
      ['http:', 'https:'].includes(new URL(value).protocol),
    'must start with http:// or https://',
  );
// gRPC would need another exporter and its native dependencies.
const protocol = z.enum(['http/protobuf', 'http/json']);

/**
 * The OpenTelemetry variables Roster honours, by their standard names.
 * Tracing stays off unless an OTLP endpoint or OTEL_TRACES_EXPORTER=otlp
 * is set; see `tracingSettings`.
 */
export const tracingVariables = {
  OTEL_SDK_DISABLED: z.stringbool().optional(),
  OTEL_TRACES_EXPORTER: z.enum(['otlp', 'none']).optional(),
  /** Base URL; `/v1/traces` is appended. */
  OTEL_EXPORTER_OTLP_ENDPOINT: httpUrl.optional(),
  /** Full URL of the traces endpoint; wins over the base URL. */
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: httpUrl.optional(),
  OTEL_EXPORTER_OTLP_PROTOCOL: protocol.optional(),
  OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: protocol.optional(),
  /** Default: the process's own name, e.g. `roster-ingress`. */
  OTEL_SERVICE_NAME: z.string().min(1).max(255).optional(),
  OTEL_TRACES_SAMPLER: z
    .enum([
      'always_on',
      'always_off',
      'traceidratio',
      'parentbased_always_on',
      'parentbased_always_off',
      'parentbased_traceidratio',
    ])
    .default('parentbased_always_on'),
  /** Ratio of the `traceidratio` samplers, 0 to 1. */
  OTEL_TRACES_SAMPLER_ARG: z.coerce.number().min(0).max(1).default(1),
  /** Most time, ms, a finished span waits before it is exported. */
  OTEL_BSP_SCHEDULE_DELAY: z.coerce.number().int().positive().default(5000),
};
