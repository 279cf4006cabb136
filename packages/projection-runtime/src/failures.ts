import type { FailureTable, RuntimeDatabase } from '@roster/read-store';
import { sql, type Kysely, type Selectable } from 'kysely';
import { backoffMs, type RetryPolicy } from './backoff';
import type { RunUnit } from './run-unit';

export type FailureRow = Selectable<FailureTable>;

/** The event that stopped a partition, as the failures table keeps it. */
export interface FailedEvent {
  readonly id: string;
  readonly position: string;
  readonly tenantId: string;
}

export async function readFailure(
  db: Kysely<RuntimeDatabase>,
  unit: RunUnit,
): Promise<FailureRow | undefined> {
  return db
    .selectFrom('roster.projection_failures')
    .selectAll()
    .where('schema_name', '=', unit.schema)
    .where('partition', '=', unit.partition)
    .executeTakeFirst();
}

/**
 * Records (or counts again) the failure of `event`; the partition is
 * retried at the returned time.
 */
export async function recordFailure(
  db: Kysely<RuntimeDatabase>,
  unit: RunUnit,
  event: FailedEvent,
  error: string,
  policy: RetryPolicy,
): Promise<FailureRow> {
  const previous = await readFailure(db, unit);
  const attempts = previous?.event_id === event.id ? previous.attempts + 1 : 1;
  const now = new Date();
  const next = new Date(now.getTime() + backoffMs(attempts, policy));

  const row = {
    schema_name: unit.schema,
    partition: unit.partition,
    projection: unit.projection,
    version: unit.version,
    event_id: event.id,
    position: event.position,
    tenant_id: event.tenantId,
    error,
    attempts,
    first_failed_at: attempts === 1 ? now : (previous?.first_failed_at ?? now),
    last_failed_at: now,
    next_retry_at: next,
  };
  await db
    .insertInto('roster.projection_failures')
    .values(row)
    .onConflict((conflict) =>
      conflict.columns(['schema_name', 'partition']).doUpdateSet(row),
    )
    .execute();
  return row;
}

/** The ids among `ids` an operator let this projection version skip. */
export async function skippedAmong(
  db: Kysely<RuntimeDatabase>,
  unit: RunUnit,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();

  const rows = await db
    .selectFrom('roster.projection_skips')
    .select('event_id')
    .where('projection', '=', unit.projection)
    .where('version', '=', unit.version)
    .where(sql<boolean>`event_id = ANY(${ids}::text[])`)
    .execute();
  return new Set(rows.map((row) => row.event_id));
}
