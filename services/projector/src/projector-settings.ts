import { ConfigError, loadConfig, type Config } from '@roster/config';
import { z } from 'zod';

// TODO(limit): these three belong in @roster/config's schema.
const extras = z.object({
  ROSTER_QUEUE_PREFIX: z.string().min(1).default('roster'),
  ROSTER_PROJECTION_PARTITIONS: z.coerce.number().int().min(1).default(8),
  ROSTER_PROJECTION_BATCH: z.coerce.number().int().min(1).default(1000),
  ROSTER_PROJECTOR_CONCURRENCY: z.coerce.number().int().min(1).default(4),
});

export interface ProjectorSettings {
  readonly config: Config & { DATABASE_URL: string; REDIS_URL: string };
  readonly queuePrefix: string;
  readonly partitions: number;
  readonly batchSize: number;
  readonly concurrency: number;
}

/** The projector needs PostgreSQL and Redis. @throws ConfigError */
export function projectorSettings(
  env: NodeJS.ProcessEnv = process.env,
): ProjectorSettings {
  const config = loadConfig(env);
  const { DATABASE_URL, REDIS_URL } = config;
  if (!DATABASE_URL)
    throw new ConfigError('DATABASE_URL: required by the projector');
  if (!REDIS_URL) throw new ConfigError('REDIS_URL: required by the projector');

  const parsed = extras.safeParse(env);
  if (!parsed.success) {
    const name = String(parsed.error.issues[0]?.path[0] ?? 'environment');
    throw new ConfigError(
      `${name}: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
    );
  }

  return {
    config: { ...config, DATABASE_URL, REDIS_URL },
    queuePrefix: parsed.data.ROSTER_QUEUE_PREFIX,
    partitions: parsed.data.ROSTER_PROJECTION_PARTITIONS,
    batchSize: parsed.data.ROSTER_PROJECTION_BATCH,
    concurrency: parsed.data.ROSTER_PROJECTOR_CONCURRENCY,
  };
}
