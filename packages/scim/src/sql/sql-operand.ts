import type { RawBuilder } from 'kysely';
import { sql } from 'kysely';
import type { BoundPath } from '../filter/bind-filter-path';
import type { SqlColumn, SqlElementRows, SqlTarget } from './sql-target';

/** Where a path's value lives in SQL: a typed column or a jsonb value. */
export type SqlOperand =
  | { readonly kind: 'column'; readonly column: SqlColumn }
  | { readonly kind: 'jsonb'; readonly value: RawBuilder<unknown> }
  | { readonly kind: 'elements'; readonly array: RawBuilder<unknown> }
  | { readonly kind: 'rows'; readonly rows: SqlElementRows };

/** `j -> key`, the key always a parameter. */
export function field(
  json: RawBuilder<unknown>,
  key: string,
): RawBuilder<unknown> {
  return sql`(${json} -> ${key}::text)`;
}

/** The operand of a top-level path; multi-valued ones yield elements. */
export function operandOf(bound: BoundPath, target: SqlTarget): SqlOperand {
  const column = target.columns[bound.canonical];
  if (column && !bound.attribute.multiValued) return { kind: 'column', column };
  const rows = bound.extensionUrn
    ? undefined
    : target.elementRows?.[bound.attribute.name];
  if (rows && bound.attribute.multiValued) return { kind: 'rows', rows };

  const resource = sql`${sql.ref(target.resourceColumn)}`;
  const base = bound.extensionUrn
    ? field(resource, bound.extensionUrn)
    : resource;
  const value = field(base, bound.attribute.name);
  if (bound.attribute.multiValued) return { kind: 'elements', array: value };

  return {
    kind: 'jsonb',
    value: bound.sub ? field(value, bound.sub.name) : value,
  };
}

/** EXISTS over the elements of a jsonb array (absent counts as empty). */
export function existsElement(
  array: RawBuilder<unknown>,
  condition: (element: RawBuilder<unknown>) => RawBuilder<unknown>,
): RawBuilder<unknown> {
  const elements = sql`jsonb_array_elements(CASE WHEN jsonb_typeof(${array}) = 'array' THEN ${array} ELSE '[]'::jsonb END)`;
  return sql`EXISTS (SELECT 1 FROM ${elements} AS elem(v) WHERE ${condition(sql`elem.v`)})`;
}
