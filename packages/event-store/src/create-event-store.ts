import {
  createPgClient,
  createPgliteClient,
  type SqlClient,
} from '@roster/sql';
import type { EventStore } from './event-store';
import { KurrentEventStore } from './kurrentdb/kurrentdb-event-store';
import { PostgresEventStore } from './postgres/postgres-event-store';
import { migrateEventStore } from './postgres/schema';

export type EventStoreConfig =
  /** PGlite of its own, in `dataDir` or in memory. */
  | { readonly kind: 'embedded'; readonly dataDir?: string }
  /** A PostgreSQL server; the store owns its pool. */
  | { readonly kind: 'postgres'; readonly url: string }
  /** A SqlClient shared with the read store; not closed by the store. */
  | { readonly kind: 'sql'; readonly client: SqlClient }
  | {
      readonly kind: 'kurrentdb';
      readonly url: string;
      readonly multiStreamAppend?: boolean;
    };

/** Opens the configured adapter; SQL adapters are migrated first. */
export async function createEventStore(
  config: EventStoreConfig,
): Promise<EventStore> {
  switch (config.kind) {
    case 'kurrentdb':
      return new KurrentEventStore(config);
    case 'sql':
      return sqlStore(config.client, false);
    case 'postgres':
      return sqlStore(createPgClient(config.url), true);
    case 'embedded': {
      const { dataDir } = config;
      const client = await createPgliteClient(
        dataDir === undefined ? {} : { dataDir },
      );
      return sqlStore(client, true);
    }
  }
}

async function sqlStore(
  client: SqlClient,
  ownsClient: boolean,
): Promise<EventStore> {
  try {
    await migrateEventStore(client);
  } catch (error) {
    if (ownsClient) await client.close();
    throw error;
  }
  return new PostgresEventStore(client, { ownsClient });
}
