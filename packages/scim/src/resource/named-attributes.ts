import type { ResourceType } from '../schema/resource-type';
import { findAttribute } from '../schema/resolve-attribute';
import type { JsonObject } from './json-value';
import { isJsonObject } from './json-value';
import { coreOf } from './validate-resource';

/**
 * The core attributes that a body names, by their schema names: also
 * those sent as null or [], which normalising drops but a PUT asserts.
 * Keys are found as `validateResource` finds them, inside the core
 * schema's object too.
 */
export function namedAttributes(
  body: unknown,
  type: ResourceType,
): Set<string> {
  const named = new Set<string>();
  const core = type.schema.id.toLowerCase();

  const visit = (object: JsonObject): void => {
    for (const [key, value] of Object.entries(object)) {
      if (key.toLowerCase() === core) {
        if (isJsonObject(value)) visit(value);
        continue;
      }
      const definition = findAttribute(coreOf(type), key);
      if (definition) named.add(definition.name);
    }
  };
  if (isJsonObject(body)) visit(body);
  return named;
}
