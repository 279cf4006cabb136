import type { Kysely } from 'kysely';
import type { SqlExecutor } from '@roster/sql';
import type { ActiveSchemaLookup } from './active-schema-cache';
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

/** `activeSchemaOf` over a plain SqlExecutor. */
export function registryLookup(client: SqlExecutor): ActiveSchemaLookup {
  return async (projection) => {
    const { rows } = await client.query<{ schema_name: string }>(
      `SELECT schema_name FROM roster.projection_generations
       WHERE projection = $1 AND state = 'active'`,
      [projection],
      { readOnly: true },
    );
    return rows[0]?.schema_name;
  };
}
