import type { RuntimeDatabase } from '@roster/read-store';
import { sql, type Kysely } from 'kysely';
import type { RunUnit } from './run-unit';

/** What a step needs to know of its unit before it reads a batch. */
export interface UnitState {
  /** The checkpoint: the compare-and-swap value of the next commit. */
  readonly position: string;
  /** When the unit's recorded failure may be retried; none: not stopped. */
  readonly retryAt: Date | undefined;
  /** Whether an operator let this projection version skip any event. */
  readonly hasSkips: boolean;
}

/** Checkpoint, failure and skips of a unit in one statement. */
export async function readUnitState(
  db: Kysely<RuntimeDatabase>,
  unit: RunUnit,
): Promise<UnitState> {
  const row = await db
    .selectFrom('roster.projection_checkpoints as c')
    .leftJoin('roster.projection_failures as f', (join) =>
      join
        .onRef('f.schema_name', '=', 'c.schema_name')
        .onRef('f.partition', '=', 'c.partition'),
    )
    .select((eb) => [
      'c.position',
      'f.next_retry_at',
      eb
        .exists(
          eb
            .selectFrom('roster.projection_skips')
            .select(sql`1`.as('one'))
            .where('projection', '=', unit.projection)
            .where('version', '=', unit.version),
        )
        .as('has_skips'),
    ])
    .where('c.schema_name', '=', unit.schema)
    .where('c.partition', '=', unit.partition)
    .executeTakeFirst();
  if (!row)
    throw new Error(`no checkpoint for ${unit.schema}/${unit.partition}`);

  return {
    position: row.position,
    retryAt: row.next_retry_at ?? undefined,
    hasSkips: Boolean(row.has_skips),
  };
}
