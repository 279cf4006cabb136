import { ScimError } from '../errors/scim-error';
import type { Filter } from '../filter/filter-ast';
import type { JsonObject, JsonValue } from '../resource/json-value';
import { isJsonObject } from '../resource/json-value';
import type { AttributeDefinition } from '../schema/attribute-definition';
import { findAttribute } from '../schema/resolve-attribute';

/**
 * Whether two values of a multi-valued attribute are the same element:
 * equal `value` (per caseExact) and `type` when both have one; otherwise
 * deep equality.
 */
export function sameElement(
  attribute: AttributeDefinition,
  left: JsonValue,
  right: JsonValue,
): boolean {
  const valueSub = findAttribute(attribute.subAttributes ?? [], 'value');
  if (!valueSub || !isJsonObject(left) || !isJsonObject(right)) {
    return JSON.stringify(left) === JSON.stringify(right);
  }
  if (!sameText(valueSub.caseExact, left['value'], right['value']))
    return false;

  const [a, b] = [left['type'], right['type']];
  return a === undefined || b === undefined || sameText(false, a, b);
}

function sameText(caseExact: boolean, left: unknown, right: unknown): boolean {
  if (typeof left !== 'string' || typeof right !== 'string')
    return left === right;
  return caseExact
    ? left === right
    : left.toLowerCase() === right.toLowerCase();
}

/**
 * The element an add or replace creates when its filter matched nothing,
 * from the filter's `eq` terms: `phoneNumbers[type eq "mobile"]`.
 * @throws ScimError noTarget when the filter is not a conjunction of `eq`
 */
export function elementFromFilter(
  attribute: AttributeDefinition,
  filter: Filter,
): JsonObject {
  const element: JsonObject = {};
  collectEqualities(attribute, filter, element);
  return element;
}

function collectEqualities(
  attribute: AttributeDefinition,
  filter: Filter,
  element: JsonObject,
): void {
  if (filter.kind === 'and') {
    collectEqualities(attribute, filter.left, element);
    collectEqualities(attribute, filter.right, element);
    return;
  }

  const sub =
    filter.kind === 'compare' && filter.op === 'eq' && filter.value !== null
      ? findAttribute(attribute.subAttributes ?? [], filter.path.name)
      : undefined;
  if (!sub || filter.kind !== 'compare') {
    throw ScimError.badRequest('noTarget', 'the value filter matched nothing');
  }
  element[sub.name] = filter.value;
}

/** Deep copy of a JSON value; PATCH works on a copy to stay atomic. */
export function cloneJson<T extends JsonValue>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => cloneJson(item)) as T;
  if (!isJsonObject(value)) return value;

  const copy: JsonObject = {};
  for (const [key, item] of Object.entries(value)) copy[key] = cloneJson(item);
  return copy as T;
}
