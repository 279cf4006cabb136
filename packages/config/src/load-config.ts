import type { Environment } from './config-schema';
import { environmentSchema } from './config-schema';

export type EventStoreKind = 'embedded' | 'postgres' | 'kurrentdb';

/** Roster's configuration, resolved from the environment. */
export interface Config extends Environment {
  readonly mode: 'embedded' | 'production';
  readonly eventStore: EventStoreKind;
}

/** A configuration that cannot work; the message names the variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Reads the environment. Embedded mode (PGlite in ROSTER_DATA_DIR) unless
 * DATABASE_URL is set. Throws ConfigError naming the first bad variable.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(withoutBlanks(env));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'environment');
    throw new ConfigError(`${name}: ${issue?.message ?? 'invalid'}`);
  }

  const values = parsed.data;
  const mode = values.DATABASE_URL ? 'production' : 'embedded';
  const eventStore = values.ROSTER_EVENT_STORE ?? defaultStore(values);
  requireCompanions(values, eventStore);

  return { ...values, mode, eventStore };
}

function defaultStore(values: Environment): EventStoreKind {
  if (values.KURRENTDB_URL) return 'kurrentdb';
  return values.DATABASE_URL ? 'postgres' : 'embedded';
}

function requireCompanions(values: Environment, store: EventStoreKind): void {
  if (store === 'kurrentdb' && !values.KURRENTDB_URL) {
    throw new ConfigError(
      'KURRENTDB_URL: required when ROSTER_EVENT_STORE=kurrentdb',
    );
  }
  if (store === 'postgres' && !values.DATABASE_URL) {
    throw new ConfigError(
      'DATABASE_URL: required when ROSTER_EVENT_STORE=postgres',
    );
  }
  if (store === 'embedded' && values.DATABASE_URL) {
    throw new ConfigError(
      'ROSTER_EVENT_STORE: embedded cannot be used with DATABASE_URL',
    );
  }
  if (
    Boolean(values.ROSTER_BOOTSTRAP_TENANT) !==
    Boolean(values.ROSTER_BOOTSTRAP_SCIM_TOKEN)
  ) {
    throw new ConfigError(
      'ROSTER_BOOTSTRAP_TENANT: set it together with ROSTER_BOOTSTRAP_SCIM_TOKEN, or neither',
    );
  }
}

/** An empty variable counts as unset, as shells and compose files mean it. */
function withoutBlanks(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] =>
      Boolean(entry[1]),
    ),
  );
}
