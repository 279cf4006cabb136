import { z } from 'zod';
import { tracingVariables } from './tracing-schema';

const port = z.coerce.number().int().min(0).max(65_535);
const url = (protocols: string[]) =>
  z
    .string()
    .url()
    .refine(
      (value) =>
        URL.canParse(value) && protocols.includes(new URL(value).protocol),
      `must start with ${protocols.map((p) => `${p}//`).join(' or ')}`,
    );
const milliseconds = z.coerce.number().int().positive();
const count = z.coerce.number().int().min(1);

/** Every environment variable Roster reads, with its default. */
export const environmentSchema = z.object({
  PORT: port.default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  ROSTER_DATA_DIR: z.string().min(1).default('./.roster'),
  ROSTER_ADMIN_TOKEN: z.string().min(16).optional(),
  ROSTER_BOOTSTRAP_TENANT: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/)
    .optional(),
  ROSTER_BOOTSTRAP_SCIM_TOKEN: z.string().min(16).optional(),
  ROSTER_EVENT_STORE: z.enum(['embedded', 'postgres', 'kurrentdb']).optional(),
  KURRENTDB_URL: url([
    'kurrentdb:',
    'kurrentdb+discover:',
    'esdb:',
    'esdb+discover:',
  ]).optional(),
  DATABASE_URL: url(['postgres:', 'postgresql:']).optional(),
  REDIS_URL: url(['redis:', 'rediss:']).optional(),
  ROSTER_CONSISTENCY_TIMEOUT_MS: milliseconds.default(10_000),
  ROSTER_SHUTDOWN_TIMEOUT_MS: milliseconds.default(10_000),
  /** Longest a request may take before it is answered 503; below 60 s. */
  ROSTER_REQUEST_TIMEOUT_MS: milliseconds.max(55_000).default(30_000),
  /** SCIM requests per second one tenant may send (over all instances). */
  ROSTER_RATE_LIMIT_PER_SECOND: count.default(200),
  /** Redis key prefix of the queue and the rate limiter; one per deployment. */
  ROSTER_QUEUE_PREFIX: z.string().min(1).default('roster'),
  /** Partitions of a new projection generation; the same in every service. */
  ROSTER_PROJECTION_PARTITIONS: count.default(8),
  ROSTER_PROJECTION_BATCH: count.default(1000),
  ROSTER_PROJECTOR_CONCURRENCY: count.default(4),
  /** How often projectors wake every partition, in case a wake-up was lost. */
  ROSTER_PROJECTOR_SWEEP_MS: milliseconds.default(3000),
  /** Most PostgreSQL connections one process opens per pool. */
  ROSTER_PG_POOL_MAX: count.max(500).default(10),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info'),
  ...tracingVariables,
});

export type Environment = z.infer<typeof environmentSchema>;
