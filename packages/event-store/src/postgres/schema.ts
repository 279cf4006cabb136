import type { SqlExecutor } from '@roster/sql';

/** NOTIFY channel of every committed append. */
export const APPEND_CHANNEL = 'roster_es_appended';

// Any constant key: it only serialises concurrent migrations.
const MIGRATION_LOCK = 7_310_001;

const STATEMENTS = [
  `CREATE TABLE IF NOT EXISTS es_events (
    global_position bigserial PRIMARY KEY,
    transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
    stream text NOT NULL,
    revision integer NOT NULL,
    tenant_id text NOT NULL,
    tenant_hash bigint NOT NULL,
    id uuid NOT NULL UNIQUE,
    type text NOT NULL,
    version integer NOT NULL,
    data jsonb NOT NULL,
    metadata jsonb NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (stream, revision)
  )`,
  `CREATE INDEX IF NOT EXISTS es_events_log_order
    ON es_events (transaction_id, global_position)`,
  `CREATE INDEX IF NOT EXISTS es_events_tenant_order
    ON es_events (tenant_id, transaction_id, global_position)`,
  `CREATE TABLE IF NOT EXISTS es_streams (
    stream text PRIMARY KEY,
    tenant_id text NOT NULL,
    revision integer,
    deleted_at timestamptz
  )`,
];

/** Creates the event store's tables if missing; safe to run concurrently. */
export async function migrateEventStore(sql: SqlExecutor): Promise<void> {
  await sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    for (const statement of STATEMENTS) await tx.query(statement);
  });
}
