import type { Config } from './load-config';
import { ConfigError } from './load-config';

/** What a separate production service may rely on being set. */
export interface ProductionConfig extends Config {
  readonly mode: 'production';
  readonly DATABASE_URL: string;
  readonly REDIS_URL: string;
}

/**
 * Narrows a configuration for one of the separate services, which need
 * PostgreSQL and Redis. @throws ConfigError naming the missing variable
 */
export function requireProduction(
  config: Config,
  service: string,
): ProductionConfig {
  const { DATABASE_URL, REDIS_URL } = config;
  if (!DATABASE_URL) {
    throw new ConfigError(`DATABASE_URL: required by the ${service}`);
  }
  if (!REDIS_URL) {
    throw new ConfigError(`REDIS_URL: required by the ${service}`);
  }
  return { ...config, mode: 'production', DATABASE_URL, REDIS_URL };
}

/** The operator token, which production never generates. */
export function requireAdminToken(config: Config, service: string): string {
  if (!config.ROSTER_ADMIN_TOKEN) {
    throw new ConfigError(`ROSTER_ADMIN_TOKEN: required by the ${service}`);
  }
  return config.ROSTER_ADMIN_TOKEN;
}
