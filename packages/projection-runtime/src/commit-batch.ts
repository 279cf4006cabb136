import type { RecordedEvent } from '@roster/event-store';
import type { RuntimeDatabase } from '@roster/read-store';
import { sql, type Kysely } from 'kysely';
import { parseRecorded } from './parse-recorded';
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
 * another runner moved it first or a rebuild retired the generation:
 * nothing is written), applies the events, clears the partition's failure
 * and notifies waiters.
 */
export async function commitBatch(
  db: Kysely<RuntimeDatabase>,
  unit: RunUnit,
  projection: RegisteredProjection,
  batch: BatchToCommit,
): Promise<boolean> {
  const events = batch.events.map(parseRecorded);

  return db.transaction().execute(async (trx) => {
    if (!(await claimBatch(trx, unit, batch, events.length))) return false;

    if (events.length > 0) {
      await projection.apply(trx as unknown as Kysely<unknown>, events);
    }
    return true;
  });
}

/**
 * One statement does the bookkeeping of a batch. It locks the generation
 * row first, then the checkpoint row: the order a switch and a drop lock
 * them in too, so a retired generation never moves past the position its
 * successor was checked against. Only when the compare-and-swap moved the
 * checkpoint does it clear the failure, point search_path at the
 * generation's schema for `apply` and queue the NOTIFY (sent at commit).
 */
async function claimBatch(
  trx: Kysely<RuntimeDatabase>,
  unit: RunUnit,
  batch: BatchToCommit,
  events: number,
): Promise<boolean> {
  const { schema, partition } = unit;
  const payload = JSON.stringify({
    kind: 'checkpoint',
    schema,
    partition,
    position: batch.to,
  });

  const { rows } = await sql`
    WITH generation AS MATERIALIZED (
      SELECT state FROM roster.projection_generations
      WHERE schema_name = ${schema} FOR SHARE
    ), swapped AS (
      UPDATE roster.projection_checkpoints
      SET position = ${batch.to}, events_applied = events_applied + ${events},
        updated_at = ${new Date()}
      WHERE schema_name = ${schema} AND partition = ${partition}
        AND position = ${batch.from}
        AND NOT EXISTS (SELECT FROM generation WHERE state = 'retired')
      RETURNING partition
    ), cleared AS (
      DELETE FROM roster.projection_failures
      WHERE schema_name = ${schema} AND partition = ${partition}
        AND EXISTS (SELECT FROM swapped)
    )
    SELECT set_config('search_path', ${quotedIdentifier(schema)}, true),
      pg_notify(${PROGRESS_CHANNEL}, ${payload})
    FROM swapped`.execute(trx);
  return rows.length > 0;
}

function quotedIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
