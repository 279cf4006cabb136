import type { Kysely } from 'kysely';
import type { RuntimeDatabase } from './runtime-database';

/**
 * The schema that readers of `projection` use now (the registry's active
 * generation), or undefined before its first build.
 */
export async function activeSchemaOf(
  db: Kysely<RuntimeDatabase>,
  projection: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('roster.projection_generations')
    .select('schema_name')
    .where('projection', '=', projection)
    .where('state', '=', 'active')
    .executeTakeFirst();
  return row?.schema_name;
}
