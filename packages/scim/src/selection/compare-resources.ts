import { compareText } from '../filter/compare-text';
import { leafOf } from '../filter/bind-filter-path';
import { valuesOf } from '../filter/read-values';
import type { JsonValue, ScimResource } from '../resource/json-value';
import type { ResourceType } from '../schema/resource-type';
import type { SortOrder } from './bind-sort-path';
import { bindSortPath } from './bind-sort-path';

/**
 * A comparator for `sortBy`/`sortOrder`, the same order as `sortSql`:
 * ascending puts unassigned values last, descending first.
 * @throws ScimError invalidValue for an unknown or multi-valued attribute
 */
export function compareResources(
  sortBy: string,
  sortOrder: SortOrder,
  type: ResourceType,
): (left: ScimResource, right: ScimResource) => number {
  const bound = bindSortPath(sortBy, type);
  const definition = leafOf(bound);
  const key = (resource: ScimResource): JsonValue | undefined =>
    valuesOf(bound, resource)[0];
  const sign = sortOrder === 'descending' ? -1 : 1;

  return (left, right) => {
    const [a, b] = [key(left), key(right)];
    if (a === undefined || b === undefined) {
      return sign * ((a === undefined ? 1 : 0) - (b === undefined ? 1 : 0));
    }
    return sign * compareValues(definition.type, definition.caseExact, a, b);
  };
}

function compareValues(
  type: string,
  caseExact: boolean,
  a: JsonValue,
  b: JsonValue,
): number {
  if (type === 'dateTime') return Date.parse(textOf(a)) - Date.parse(textOf(b));
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean')
    return Number(a) - Number(b);

  const [x, y] = [textOf(a), textOf(b)];
  return caseExact
    ? compareText(x, y)
    : compareText(x.toLowerCase(), y.toLowerCase());
}

function textOf(value: JsonValue): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
