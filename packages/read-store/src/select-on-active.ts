import { CompiledQuery, type Compilable, type Kysely } from 'kysely';
import type { ActiveSchemaCache } from './active-schema-cache';
import { onActiveSchema } from './on-active-schema';

/**
 * Runs the select that `build` makes on the cached active schema of a
 * projection. The statement itself confirms that the schema is still
 * active, so one round trip reads the data and proves where it came from;
 * after a switch it runs again on the new schema.
 */
export function selectOnActive<O>(
  db: Kysely<unknown>,
  schemas: ActiveSchemaCache,
  build: (schema: string) => Compilable<O>,
): Promise<O[]> {
  return onActiveSchema(schemas, (schema) =>
    confirmedSelect(db, schema, build(schema)),
  );
}

interface Confirmed {
  readonly roster_schema_active: boolean;
  readonly roster_row: number | null;
  readonly roster_ord: string | null;
}

/** The rows of `query`, or undefined when `schema` is no longer active. */
async function confirmedSelect<O>(
  db: Kysely<unknown>,
  schema: string,
  query: Compilable<O>,
): Promise<O[] | undefined> {
  const compiled = query.compile();
  const schemaParam = compiled.parameters.length + 1;
  // The outer ORDER BY keeps the order of the inner query's ORDER BY.
  const text = `SELECT g.roster_schema_active, q.*
    FROM (SELECT EXISTS (SELECT 1 FROM roster.projection_generations
      WHERE schema_name = $${schemaParam} AND state = 'active')
      AS roster_schema_active) g
    LEFT JOIN LATERAL (
      SELECT 1 AS roster_row, row_number() OVER () AS roster_ord, s.*
      FROM (${compiled.sql}) s
    ) q ON g.roster_schema_active
    ORDER BY q.roster_ord`;

  // The inner query's node goes along: the dialect tells by it whether
  // the statement may write, and the wrapper writes only if it does.
  const { rows } = await db.executeQuery<Confirmed & O>({
    ...CompiledQuery.raw(text, [...compiled.parameters, schema]),
    query: compiled.query,
  });
  if (!rows[0]?.roster_schema_active) return undefined;
  return rows.filter((row) => row.roster_row !== null).map(withoutMarks);
}

function withoutMarks<O>(row: Confirmed & O): O {
  const { roster_schema_active, roster_row, roster_ord, ...data } = row;
  void roster_schema_active;
  void roster_row;
  void roster_ord;
  return data as O;
}
