import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65_535);
const url = (protocols: string[]) =>
  z
    .string()
    .url()
    .refine(
      (value) => protocols.includes(new URL(value).protocol),
      `must start with ${protocols.map((p) => `${p}//`).join(' or ')}`,
    );
const milliseconds = z.coerce.number().int().positive();

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
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info'),
});

export type Environment = z.infer<typeof environmentSchema>;
