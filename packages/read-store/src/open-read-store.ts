import type { Kysely } from 'kysely';
import { createKysely, createPgClient, type SqlClient } from '@roster/sql';
import { migrateSchema } from './migrate-schema';
import type { RuntimeDatabase } from './runtime-database';
import { runtimeMigrations } from './runtime-migrations';

/** The read store: one SqlClient and Kysely over it, runtime tables ready. */
export interface ReadStore {
  readonly client: SqlClient;
  readonly db: Kysely<RuntimeDatabase>;
  /** Closes the client only when the read store opened it (a URL). */
  close(): Promise<void>;
}

export type ReadStoreSource =
  { readonly url: string } | { readonly client: SqlClient };

/**
 * Opens a PostgreSQL URL, or shares a SqlClient (embedded mode: the same
 * PGlite as the event store), and applies the runtime migrations.
 */
export async function openReadStore(
  source: ReadStoreSource,
): Promise<ReadStore> {
  const owned = 'url' in source;
  const client = owned ? createPgClient(source.url) : source.client;
  const db = createKysely<RuntimeDatabase>(client);

  try {
    await migrateSchema(db as Kysely<unknown>, 'roster', runtimeMigrations);
  } catch (error) {
    if (owned) await client.close();
    throw error;
  }

  return {
    client,
    db,
    close: async () => {
      if (owned) await client.close();
    },
  };
}
