import { createEventStore, type EventStore } from '@roster/event-store';
import { withEventCodec } from '@roster/ledger';
import {
  createPgClient,
  createPgliteClient,
  type SqlClient,
} from '@roster/sql';
import {
  migrateKeyring,
  sqlKeyring,
  type UserKeyring,
} from '../personal-data/user-keyring';
import { personalDataCodec } from '../personal-data/personal-data-codec';

/** An event store with the personal-data codec over one SQL client. */
export interface OpenLedger {
  readonly client: SqlClient;
  readonly store: EventStore;
  readonly keyring: UserKeyring;
}

/** PostgreSQL at `url`, else PGlite in memory. */
export async function openLedger(url?: string): Promise<OpenLedger> {
  const client = url ? createPgClient(url) : await createPgliteClient();
  await migrateKeyring(client);
  const keyring = sqlKeyring(client);
  const raw = await createEventStore({ kind: 'sql', client });
  return {
    client,
    keyring,
    store: withEventCodec(raw, personalDataCodec(keyring)),
  };
}
