import type { RawBuilder } from 'kysely';
import { sql } from 'kysely';
import type { PreparedComparison } from '../filter/prepare-comparison';
import type { AttributeDefinition } from '../schema/attribute-definition';
import { field } from './sql-operand';
import type { SqlColumn } from './sql-target';

type Sql = RawBuilder<unknown>;

const orderSql: Readonly<Record<string, Sql>> = {
  eq: sql`=`,
  ne: sql`<>`,
  gt: sql`>`,
  ge: sql`>=`,
  lt: sql`<`,
  le: sql`<=`,
};

/** A comparison on a jsonb value; never NULL. */
export function jsonbComparison(
  json: Sql,
  comparison: PreparedComparison,
): Sql {
  switch (comparison.kind) {
    case 'absent':
    case 'present':
      return sql`false`;
    case 'boolean':
      return sql`coalesce(${json} = to_jsonb(${comparison.value}::boolean), false)`;
    case 'number': {
      const number = sql`CASE WHEN jsonb_typeof(${json}) = 'number' THEN (${json})::numeric END`;
      return sql`coalesce(${number} ${op(comparison.op)} ${comparison.value}::numeric, false)`;
    }
    case 'dateTime': {
      const time = sql`CASE WHEN jsonb_typeof(${json}) = 'string' THEN (${json} #>> '{}')::timestamptz END`;
      return sql`coalesce(${time} ${op(comparison.op)} ${iso(comparison.value)}::timestamptz, false)`;
    }
    case 'string': {
      const text = sql`CASE WHEN jsonb_typeof(${json}) = 'string' THEN ${json} #>> '{}' END`;
      return textComparison(text, comparison, false);
    }
  }
}

/** A comparison on a typed column; never NULL. */
export function columnComparison(
  column: SqlColumn,
  comparison: PreparedComparison,
): Sql {
  const ref = sql`${sql.ref(column.column)}`;
  switch (comparison.kind) {
    case 'absent':
    case 'present':
      return sql`false`;
    case 'boolean':
      return sql`coalesce(${ref} = ${comparison.value}::boolean, false)`;
    case 'dateTime':
      return sql`coalesce(${ref} ${op(comparison.op)} ${iso(comparison.value)}::timestamptz, false)`;
    case 'number':
      return sql`coalesce(${ref} ${op(comparison.op)} ${comparison.value}::numeric, false)`;
    case 'string':
      return textComparison(ref, comparison, column.kind === 'lowerText');
  }
}

function textComparison(
  text: Sql,
  comparison: Extract<PreparedComparison, { kind: 'string' }>,
  lowered: boolean,
): Sql {
  const exact = comparison.caseExact;
  const left = exact || lowered ? text : sql`lower(${text})`;
  const right = exact
    ? sql`${comparison.value}::text`
    : sql`lower(${comparison.value}::text)`;

  switch (comparison.op) {
    case 'co':
      return sql`coalesce(strpos(${left}, ${right}) > 0, false)`;
    case 'sw':
      return sql`coalesce(starts_with(${left}, ${right}), false)`;
    case 'ew':
      return sql`coalesce(right(${left}, char_length(${right})) = ${right}, false)`;
    case 'eq':
      // Never NULL, yet a plain equality that an index on `left` can serve;
      // equality needs no collation, as every collation here is deterministic.
      return sql`(${left} = ${right} AND ${left} IS NOT NULL)`;
    default:
      return sql`coalesce(${left} COLLATE "C" ${op(comparison.op)} ${right}, false)`;
  }
}

/** `pr` on a jsonb value, following the schema as the evaluator does. */
export function jsonbPresent(json: Sql, definition: AttributeDefinition): Sql {
  if (definition.type !== 'complex') {
    return sql`coalesce(jsonb_typeof(${json}) IN ('string', 'number', 'boolean') AND ${json} <> '""'::jsonb, false)`;
  }

  const subs = (definition.subAttributes ?? []).map((sub) =>
    jsonbPresent(field(json, sub.name), sub),
  );
  return subs.length === 0 ? sql`false` : sql`(${sql.join(subs, sql` OR `)})`;
}

export function columnPresent(column: SqlColumn): Sql {
  const ref = sql`${sql.ref(column.column)}`;
  if (column.kind === 'text' || column.kind === 'lowerText') {
    return sql`coalesce(${ref} <> '', false)`;
  }
  return sql`(${ref} IS NOT NULL)`;
}

function op(name: string): Sql {
  return orderSql[name] ?? sql`=`;
}

function iso(time: number): string {
  return new Date(time).toISOString();
}
