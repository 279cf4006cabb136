import {
  migrateKeyring,
  personalDataCodec,
  sqlKeyring,
  type UserKeyring,
} from '../../../packages/audit/src/index';
import {
  createEventStore,
  type EventStore,
} from '../../../packages/event-store/src/index';
import { withEventCodec } from '../../../packages/ledger/src/index';
import {
  createPgClient,
  createPgliteClient,
  type SqlClient,
} from '../../../packages/sql/src/index';

export interface AuditStore {
  readonly client: SqlClient;
  readonly store: EventStore;
  readonly keyring: UserKeyring;
  close(): Promise<void>;
}

/**
 * The event store the CLI audits, opened directly: PostgreSQL at
 * `--database-url` (or DATABASE_URL), else the embedded data directory
 * (`--data-dir`, ROSTER_DATA_DIR, ./.roster), which no server may hold.
 */
export async function openAuditStore(
  options: ReadonlyMap<string, string>,
): Promise<AuditStore> {
  const url = options.get('database-url') ?? process.env['DATABASE_URL'];
  const dataDir =
    options.get('data-dir') ?? process.env['ROSTER_DATA_DIR'] ?? './.roster';
  const client = url
    ? createPgClient(url)
    : await createPgliteClient({ dataDir });

  await migrateKeyring(client);
  const keyring = sqlKeyring(client);
  const raw = await createEventStore({ kind: 'sql', client });
  return {
    client,
    keyring,
    store: withEventCodec(raw, personalDataCodec(keyring)),
    close: () => client.close(),
  };
}

/** How many events the tenant has, for the progress bar. */
export async function countTenantEvents(
  client: SqlClient,
  tenantId: string,
): Promise<number> {
  const { rows } = await client.query<{ count: string }>(
    'SELECT count(*)::text AS count FROM es_events WHERE tenant_id = $1',
    [tenantId],
  );
  return Number(rows[0]?.count ?? 0);
}
