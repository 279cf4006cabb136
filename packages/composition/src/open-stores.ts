import { migrateKeyring, personalDataCodec, sqlKeyring } from '@roster/audit';
import type { UserKeyring } from '@roster/audit';
import type { Config } from '@roster/config';
import type { EventStore } from '@roster/event-store';
import { createEventStore } from '@roster/event-store';
import { withEventCodec } from '@roster/ledger';
import { openReadStore } from '@roster/read-store';
import type { ReadStore } from '@roster/read-store';
import { openSqlClient } from '@roster/sql';
import type { SqlClient } from '@roster/sql';

export interface Stores {
  /** Encrypts personal data on write and decrypts it on read. */
  readonly eventStore: EventStore;
  readonly readStore: ReadStore;
  /** Per-user keys of personal data, kept outside the log. */
  readonly keyring: UserKeyring;
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
    const rawStore = await createEventStore(
      config.eventStore === 'kurrentdb'
        ? { kind: 'kurrentdb', url: config.KURRENTDB_URL ?? '' }
        : { kind: 'sql', client },
    );
    return await storesOn(client, rawStore);
  } catch (error) {
    await client.close();
    throw error;
  }
}

/**
 * The stores over an open client: keyring and read models in it, events
 * in `rawStore` (by default in the client too). Closing them closes it.
 */
export async function storesOn(
  client: SqlClient,
  rawStore?: EventStore,
): Promise<Stores> {
  const events = rawStore ?? (await createEventStore({ kind: 'sql', client }));
  await migrateKeyring(client);
  const keyring = sqlKeyring(client);
  const eventStore = withEventCodec(events, personalDataCodec(keyring));
  const readStore = await openReadStore({ client });
  return {
    eventStore,
    readStore,
    keyring,
    close: async () => {
      await eventStore.close();
      await readStore.close();
      await client.close();
    },
  };
}
