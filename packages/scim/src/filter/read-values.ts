import type { JsonObject, JsonValue } from '../resource/json-value';
import { isJsonObject } from '../resource/json-value';
import type { AttributeDefinition } from '../schema/attribute-definition';
import type { BoundPath } from './bind-filter-path';

/** The container a bound path reads from: the resource or its extension. */
export function containerOf(
  bound: BoundPath,
  object: JsonObject,
): JsonObject | undefined {
  if (!bound.extensionUrn) return object;

  const extension = object[bound.extensionUrn];
  return isJsonObject(extension) ? extension : undefined;
}

/** The attribute's values as a list: one for singular, each for multi. */
export function valuesOf(
  bound: BoundPath,
  object: JsonObject,
): readonly JsonValue[] {
  const raw = containerOf(bound, object)?.[bound.attribute.name];
  if (raw === undefined) return [];

  const values =
    bound.attribute.multiValued && Array.isArray(raw) ? raw : [raw];
  if (!bound.sub) return values;

  const sub = bound.sub.name;
  return values.flatMap((value) => {
    const item = isJsonObject(value) ? value[sub] : undefined;
    return item === undefined ? [] : [item];
  });
}

/** RFC 7644 `pr`: a non-empty value or a complex value with one. */
export function isPresent(
  definition: AttributeDefinition,
  value: JsonValue | undefined,
): boolean {
  if (value === undefined || value === null || value === '') return false;
  if (definition.type !== 'complex')
    return !Array.isArray(value) && !isJsonObject(value);
  if (!isJsonObject(value)) return false;

  return (definition.subAttributes ?? []).some((sub) =>
    isPresent(sub, value[sub.name]),
  );
}
