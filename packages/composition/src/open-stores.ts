import type { Config } from '@roster/config';
import type { EventStore } from '@roster/event-store';
import { createEventStore } from '@roster/event-store';
import { openReadStore } from '@roster/read-store';
import type { ReadStore } from '@roster/read-store';
import { openSqlClient } from '@roster/sql';
import type { SqlClient } from '@roster/sql';

export interface Stores {
  readonly eventStore: EventStore;
  readonly readStore: ReadStore;
  close(): Promise<void>;
}

export type StoreConfig = Pick<
  Config,
  'mode' | 'eventStore' | 'DATABASE_URL' | 'KURRENTDB_URL'
> & {
  /** PGlite directory; undefined keeps it in memory (tests). */
  readonly dataDir: string | undefined;
  /** Most PostgreSQL connections of the pool. Default 10. */
  readonly poolMax?: number;
};

/**
 * Embedded: one PGlite (locked to this process) holds events and read
 * models. Production: PostgreSQL for read models and, unless KurrentDB is
 * configured, for events too.
 */
export async function openStores(config: StoreConfig): Promise<Stores> {
  const client: SqlClient =
    config.mode === 'embedded'
      ? await openSqlClient({
          kind: 'pglite',
          ...(config.dataDir ? { dataDir: config.dataDir } : {}),
        })
      : await openSqlClient({
          kind: 'postgres',
          url: config.DATABASE_URL ?? '',
          ...(config.poolMax === undefined ? {} : { max: config.poolMax }),
        });

  try {
    const eventStore = await createEventStore(
      config.eventStore === 'kurrentdb'
        ? { kind: 'kurrentdb', url: config.KURRENTDB_URL ?? '' }
        : { kind: 'sql', client },
    );
    const readStore = await openReadStore({ client });
    return {
      eventStore,
      readStore,
      close: async () => {
        await eventStore.close();
        await readStore.close();
        await client.close();
      },
    };
  } catch (error) {
    await client.close();
    throw error;
  }
}
