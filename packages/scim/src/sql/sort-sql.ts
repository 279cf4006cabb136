import type { RawBuilder } from 'kysely';
import { sql } from 'kysely';
import { leafOf } from '../filter/bind-filter-path';
import type { SortOrder } from '../selection/bind-sort-path';
import { bindSortPath } from '../selection/bind-sort-path';
import { operandOf } from './sql-operand';
import type { SqlTarget } from './sql-target';

/**
 * An ORDER BY item for `sortBy`, ordered as `compareResources` orders.
 * Add a unique tie-breaker (id) after it for stable pages.
 * @throws ScimError invalidValue
 */
export function sortSql(
  sortBy: string,
  sortOrder: SortOrder,
  target: SqlTarget,
): RawBuilder<unknown> {
  const bound = bindSortPath(sortBy, target.type);
  const definition = leafOf(bound);
  const operand = operandOf(bound, target);
  const direction =
    sortOrder === 'descending' ? sql`DESC NULLS FIRST` : sql`ASC NULLS LAST`;

  if (operand.kind === 'column') {
    const ref = sql`${sql.ref(operand.column.column)}`;
    const text =
      operand.column.kind === 'text' && !definition.caseExact
        ? sql`lower(${ref})`
        : ref;
    const collated = operand.column.kind.endsWith('ext')
      ? sql`${text} COLLATE "C"`
      : ref;
    return sql`${collated} ${direction}`;
  }

  const json = operand.kind === 'jsonb' ? operand.value : sql`NULL::jsonb`;
  return sql`${typed(json, definition.type, definition.caseExact)} ${direction}`;
}

function typed(
  json: RawBuilder<unknown>,
  type: string,
  caseExact: boolean,
): RawBuilder<unknown> {
  switch (type) {
    case 'boolean':
      return sql`CASE WHEN jsonb_typeof(${json}) = 'boolean' THEN (${json})::boolean END`;
    case 'dateTime':
      return sql`CASE WHEN jsonb_typeof(${json}) = 'string' THEN (${json} #>> '{}')::timestamptz END`;
    case 'integer':
    case 'decimal':
      return sql`CASE WHEN jsonb_typeof(${json}) = 'number' THEN (${json})::numeric END`;
    default: {
      const text = sql`CASE WHEN jsonb_typeof(${json}) = 'string' THEN ${json} #>> '{}' END`;
      return caseExact
        ? sql`${text} COLLATE "C"`
        : sql`lower(${text}) COLLATE "C"`;
    }
  }
}
