import type { RuntimeDatabase } from '@roster/read-store';
import type { Kysely } from 'kysely';
import type { RunUnit } from './run-unit';

export interface Checkpoint {
  readonly position: string;
  readonly eventsApplied: number;
}

export async function readCheckpoint(
  db: Kysely<RuntimeDatabase>,
  unit: RunUnit,
): Promise<Checkpoint> {
  const row = await db
    .selectFrom('roster.projection_checkpoints')
    .select(['position', 'events_applied'])
    .where('schema_name', '=', unit.schema)
    .where('partition', '=', unit.partition)
    .executeTakeFirst();
  if (!row)
    throw new Error(`no checkpoint for ${unit.schema}/${unit.partition}`);

  return { position: row.position, eventsApplied: Number(row.events_applied) };
}
