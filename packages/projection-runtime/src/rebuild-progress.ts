import type { RuntimeDatabase } from '@roster/read-store';
import { sql, type Kysely } from 'kysely';

/** How far a rebuild is, in events applied. */
export interface RebuildProgress {
  /** Events the generation being built applied so far (0 before it exists). */
  readonly applied: number;
  /**
   * Events the serving generation applied: where the log's head is as far
   * as the projection knows, so about what the rebuild has to apply.
   */
  readonly expected: number;
}

/** Sums the checkpoints of the building and the active generation. */
export async function readRebuildProgress(
  db: Kysely<RuntimeDatabase>,
  projection: string,
): Promise<RebuildProgress> {
  const rows = await db
    .selectFrom('roster.projection_checkpoints as c')
    .innerJoin(
      'roster.projection_generations as g',
      'g.schema_name',
      'c.schema_name',
    )
    .select(['g.state', sql<string>`sum(c.events_applied)`.as('applied')])
    .where('g.projection', '=', projection)
    .groupBy('g.state')
    .execute();

  const of = (state: string) =>
    Number(rows.find((row) => row.state === state)?.applied ?? 0);
  return { applied: of('building'), expected: of('active') };
}

/** Events applied by one generation, over all its partitions. */
export async function eventsAppliedIn(
  db: Kysely<RuntimeDatabase>,
  schema: string,
): Promise<number> {
  const row = await db
    .selectFrom('roster.projection_checkpoints')
    .select(sql<string>`coalesce(sum(events_applied), 0)`.as('applied'))
    .where('schema_name', '=', schema)
    .executeTakeFirst();
  return Number(row?.applied ?? 0);
}
