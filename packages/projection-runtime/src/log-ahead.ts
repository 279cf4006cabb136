import type { EventStore } from '@roster/event-store';
import type { RuntimeDatabase } from '@roster/read-store';
import type { Kysely } from 'kysely';
import type { RunUnit } from './run-unit';

/**
 * Whether the log holds an event past the checkpoint of some unit: one
 * statement for the checkpoints, one read of at most one event. A unit
 * that catches up moves its checkpoint to the head of the log, so on an
 * idle log every checkpoint is the head and the answer is no.
 */
export async function logAheadOfUnits(
  db: Kysely<RuntimeDatabase>,
  store: EventStore,
  units: readonly RunUnit[],
): Promise<boolean> {
  const schemas = [...new Set(units.map((unit) => unit.schema))];
  if (schemas.length === 0) return false;

  const rows = await db
    .selectFrom('roster.projection_checkpoints')
    .select(['schema_name', 'partition', 'position'])
    .where('schema_name', 'in', schemas)
    .execute();
  const positions = new Map(
    rows.map((row) => [`${row.schema_name}/${row.partition}`, row.position]),
  );
  const lowest = lowestOf(units.map((u) => positions.get(key(u))));
  if (lowest === undefined) return true;

  const batch = await store.readAll({ from: lowest, limit: 1 });
  return batch.next !== lowest;
}

function key(unit: RunUnit): string {
  return `${unit.schema}/${unit.partition}`;
}

/** The earliest position; undefined when some unit has no checkpoint. */
function lowestOf(positions: readonly (string | undefined)[]) {
  let lowest: string | undefined;
  for (const position of positions) {
    if (position === undefined) return undefined;
    if (lowest === undefined || position < lowest) lowest = position;
  }
  return lowest;
}
