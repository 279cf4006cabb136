import type { GenerationTable, RuntimeDatabase } from '@roster/read-store';
import { dropSchema } from '@roster/read-store';
import { sql, type Kysely, type Selectable } from 'kysely';
import { PROGRESS_CHANNEL } from './progress-channel';

export type Generation = Selectable<GenerationTable>;

export interface NewGeneration {
  readonly schema: string;
  readonly projection: string;
  readonly version: number;
  readonly state: 'building' | 'active';
  readonly partitionCount: number;
}

export async function listGenerations(
  db: Kysely<RuntimeDatabase>,
): Promise<Generation[]> {
  return db
    .selectFrom('roster.projection_generations')
    .selectAll()
    .orderBy('created_at')
    .execute();
}

/** Registers a generation with a checkpoint at the start per partition. */
export async function createGeneration(
  db: Kysely<RuntimeDatabase>,
  generation: NewGeneration,
): Promise<void> {
  const { schema, partitionCount } = generation;

  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('roster.projection_generations')
      .values({
        schema_name: schema,
        projection: generation.projection,
        version: generation.version,
        state: generation.state,
        partition_count: partitionCount,
        activated_at: generation.state === 'active' ? new Date() : null,
      })
      .execute();

    const partitions = Array.from({ length: partitionCount }, (_, i) => i);
    await trx
      .insertInto('roster.projection_checkpoints')
      .values(
        partitions.map((partition) => ({ schema_name: schema, partition })),
      )
      .execute();

    const payload = JSON.stringify({
      kind: 'switch',
      projection: generation.projection,
    });
    await sql`SELECT pg_notify(${PROGRESS_CHANNEL}, ${payload})`.execute(trx);
  });
}

/**
 * Makes `schema` the one readers use and retires the former active one,
 * but only if `schema` has passed every position the active one reached:
 * a write acknowledged on the old one stays visible. False: catch up more.
 */
export async function activateGeneration(
  db: Kysely<RuntimeDatabase>,
  projection: string,
  schema: string,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    // Generation rows first, then checkpoints, as every batch locks them.
    const locked = await trx
      .selectFrom('roster.projection_generations')
      .select(['schema_name', 'state'])
      .where('projection', '=', projection)
      .where((eb) =>
        eb.or([eb('state', '=', 'active'), eb('schema_name', '=', schema)]),
      )
      .forUpdate()
      .execute();
    const retiring = locked
      .filter((row) => row.state === 'active' && row.schema_name !== schema)
      .map((row) => row.schema_name);
    if (!(await hasCaughtUp(trx, schema, retiring))) return false;

    await trx
      .updateTable('roster.projection_generations')
      .set({ state: 'retired' })
      .where('projection', '=', projection)
      .where('state', '=', 'active')
      .execute();

    await trx
      .updateTable('roster.projection_generations')
      .set({ state: 'active', activated_at: new Date() })
      .where('schema_name', '=', schema)
      .execute();

    const payload = JSON.stringify({ kind: 'switch', projection });
    await sql`SELECT pg_notify(${PROGRESS_CHANNEL}, ${payload})`.execute(trx);
    return true;
  });
}

/**
 * Locks the checkpoints of both sides (batches in flight have finished,
 * no new one starts while the generation rows are held) and compares
 * them: each partition of `schema` must be at or past every partition of
 * the retiring schemas, or, where the partition counts agree, past its
 * own counterpart.
 */
async function hasCaughtUp(
  trx: Kysely<RuntimeDatabase>,
  schema: string,
  retiring: readonly string[],
): Promise<boolean> {
  const rows = await trx
    .selectFrom('roster.projection_checkpoints')
    .select(['schema_name', 'partition', 'position'])
    .where('schema_name', 'in', [schema, ...retiring])
    .forUpdate()
    .execute();

  const fresh = rows.filter((row) => row.schema_name === schema);
  const old = rows.filter((row) => row.schema_name !== schema);
  const paired = retiring.length === 1 && old.length === fresh.length;
  return fresh.every((row) =>
    old.every(
      (other) =>
        (paired && other.partition !== row.partition) ||
        row.position >= other.position,
    ),
  );
}

/** Drops the schemas of retired generations and forgets them. */
export async function dropRetired(
  db: Kysely<RuntimeDatabase>,
): Promise<string[]> {
  const retired = await db
    .selectFrom('roster.projection_generations')
    .select('schema_name')
    .where('state', '=', 'retired')
    .execute();

  for (const { schema_name: schema } of retired) {
    await dropSchema(db as Kysely<unknown>, schema);
    await db
      .deleteFrom('roster.projection_generations')
      .where('schema_name', '=', schema)
      .execute();
  }
  return retired.map((row) => row.schema_name);
}
