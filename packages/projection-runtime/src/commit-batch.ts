import type { RecordedEvent } from '@roster/event-store';
import type { RuntimeDatabase } from '@roster/read-store';
import { sql, type Kysely } from 'kysely';
import { parseRecorded } from './parse-recorded';
import type { ParsedEvent } from './projection';
import { PROGRESS_CHANNEL } from './progress-channel';
import type { RegisteredProjection } from './projection';
import type { RunUnit } from './run-unit';

export interface BatchToCommit {
  /** The checkpoint the batch was read from; the compare-and-swap value. */
  readonly from: string;
  /** The checkpoint after the batch. */
  readonly to: string;
  /** Events to apply, in log order (skipped ones already left out). */
  readonly events: readonly RecordedEvent[];
}

/**
 * In one transaction: moves the checkpoint from `from` to `to` (false when
 * another runner moved it first: nothing is written), applies the events,
 * clears the partition's failure and notifies waiters.
 */
export async function commitBatch(
  db: Kysely<RuntimeDatabase>,
  unit: RunUnit,
  projection: RegisteredProjection,
  batch: BatchToCommit,
): Promise<boolean> {
  const events = batch.events.map(parseRecorded);

  return db
    .transaction()
    .execute((trx) => applyIfCurrent(trx, unit, projection, batch, events))
    .catch((error: unknown) => {
      if (error instanceof RetiredGeneration) return false;
      throw error;
    });
}

/** Rolls back a batch whose generation a rebuild has just retired. */
class RetiredGeneration extends Error {}

async function applyIfCurrent(
  trx: Kysely<RuntimeDatabase>,
  unit: RunUnit,
  projection: RegisteredProjection,
  batch: BatchToCommit,
  events: readonly ParsedEvent[],
): Promise<boolean> {
  await requireNotRetired(trx, unit.schema);
  const swapped = await trx
    .updateTable('roster.projection_checkpoints')
    .set({
      position: batch.to,
      events_applied: sql`events_applied + ${events.length}`,
      updated_at: new Date(),
    })
    .where('schema_name', '=', unit.schema)
    .where('partition', '=', unit.partition)
    .where('position', '=', batch.from)
    .executeTakeFirst();
  if (swapped.numUpdatedRows === 0n) return false;

  await sql`SET LOCAL search_path TO ${sql.id(unit.schema)}`.execute(trx);
  if (events.length > 0) {
    await projection.apply(trx as unknown as Kysely<unknown>, events);
  }

  await trx
    .deleteFrom('roster.projection_failures')
    .where('schema_name', '=', unit.schema)
    .where('partition', '=', unit.partition)
    .execute();
  await notifyProgress(trx, unit, batch.to);
  return true;
}

/**
 * A switch holds this generation's row while it retires it; the locking
 * read sees its outcome, so a retired generation never moves past the
 * position its successor was checked against. Generation row first, then
 * checkpoint row: the order a switch and a drop lock them in too.
 */
async function requireNotRetired(
  trx: Kysely<RuntimeDatabase>,
  schema: string,
): Promise<void> {
  const generation = await trx
    .selectFrom('roster.projection_generations')
    .select('state')
    .where('schema_name', '=', schema)
    .forShare()
    .executeTakeFirst();
  if (generation?.state === 'retired') throw new RetiredGeneration(schema);
}

async function notifyProgress(
  trx: Kysely<RuntimeDatabase>,
  unit: RunUnit,
  position: string,
): Promise<void> {
  const payload = JSON.stringify({
    kind: 'checkpoint',
    schema: unit.schema,
    partition: unit.partition,
    position,
  });
  await sql`SELECT pg_notify(${PROGRESS_CHANNEL}, ${payload})`.execute(trx);
}
