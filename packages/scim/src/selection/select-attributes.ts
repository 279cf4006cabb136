import type {
  JsonObject,
  JsonValue,
  ScimResource,
} from '../resource/json-value';
import { isJsonObject } from '../resource/json-value';
import type { AttributeDefinition } from '../schema/attribute-definition';
import { splitAttributePath } from '../schema/attribute-path';
import { commonAttributes } from '../schema/common-attributes';
import type { ResourceType } from '../schema/resource-type';
import { findAttribute, findExtensionUrn } from '../schema/resolve-attribute';

/** The `attributes` / `excludedAttributes` query parameters, as lists. */
export interface AttributeSelection {
  readonly attributes?: readonly string[];
  readonly excludedAttributes?: readonly string[];
}

/**
 * The response form of a stored resource (RFC 7644 §3.9): `returned:never`
 * is never sent, `always` always, `request` only when named. Unknown names
 * are ignored.
 */
export function selectAttributes(
  resource: ScimResource,
  type: ResourceType,
  selection: AttributeSelection = {},
): ScimResource {
  const include = selection.attributes?.length
    ? toKeys(selection.attributes, type)
    : undefined;
  const exclude = toKeys(selection.excludedAttributes ?? [], type);
  const result: JsonObject = {};

  for (const [key, value] of Object.entries(resource)) {
    if (key === 'schemas') result[key] = value;
    else if (/^urn:/i.test(key))
      selectExtension(result, key, value, type, include, exclude);
    else
      selectIn(
        result,
        key,
        value,
        [...commonAttributes, ...type.schema.attributes],
        '',
        include,
        exclude,
      );
  }
  return result;
}

function selectExtension(
  result: JsonObject,
  urn: string,
  value: JsonValue,
  type: ResourceType,
  include: Set<string> | undefined,
  exclude: Set<string>,
): void {
  const extension = type.extensions.find(
    (e) => e.schema.id === findExtensionUrn(type, urn),
  );
  if (!extension || !isJsonObject(value)) return;
  if (include?.has(urn.toLowerCase())) include = undefined;
  if (exclude.has(urn.toLowerCase())) return;

  const selected: JsonObject = {};
  for (const [key, item] of Object.entries(value)) {
    selectIn(
      selected,
      key,
      item,
      extension.schema.attributes,
      `${urn.toLowerCase()}:`,
      include,
      exclude,
    );
  }
  if (Object.keys(selected).length > 0) result[urn] = selected;
}

function selectIn(
  result: JsonObject,
  key: string,
  value: JsonValue,
  definitions: readonly AttributeDefinition[],
  prefix: string,
  include: Set<string> | undefined,
  exclude: Set<string>,
): void {
  const definition = findAttribute(definitions, key);
  if (!definition || definition.returned === 'never') return;
  if (definition.returned === 'always') {
    result[key] = value;
    return;
  }

  const name = `${prefix}${definition.name.toLowerCase()}`;
  if (exclude.has(name)) return;
  const wanted = include
    ? include.has(name) || hasChild(include, name)
    : definition.returned !== 'request';
  if (!wanted) return;

  const subs = include?.has(name) ? undefined : include;
  const selected = selectSubs(value, definition, name, subs, exclude);
  if (selected !== undefined) result[key] = selected;
}

function selectSubs(
  value: JsonValue,
  definition: AttributeDefinition,
  name: string,
  include: Set<string> | undefined,
  exclude: Set<string>,
): JsonValue | undefined {
  if (definition.type !== 'complex') return value;

  const pick = (item: JsonValue): JsonValue | undefined => {
    if (!isJsonObject(item)) return item;
    const picked: JsonObject = {};
    for (const [key, sub] of Object.entries(item)) {
      const subName = `${name}.${key.toLowerCase()}`;
      const subDefinition = findAttribute(definition.subAttributes ?? [], key);
      if (subDefinition?.returned === 'never' || exclude.has(subName)) continue;
      if (
        !include ||
        include.has(subName) ||
        subDefinition?.returned === 'always'
      )
        picked[key] = sub;
    }
    return Object.keys(picked).length > 0 ? picked : undefined;
  };

  if (!Array.isArray(value)) return pick(value);
  const items = value.map(pick).filter((item) => item !== undefined);
  return items.length > 0 ? items : undefined;
}

function hasChild(include: Set<string>, name: string): boolean {
  for (const key of include) if (key.startsWith(`${name}.`)) return true;
  return false;
}

// Keys are lower-case `name`, `name.sub`, `urn:...:name`.
function toKeys(paths: readonly string[], type: ResourceType): Set<string> {
  const keys = new Set<string>();
  for (const text of paths) {
    const trimmed = text.trim();
    const urn = findExtensionUrn(type, trimmed);
    if (urn) {
      keys.add(urn.toLowerCase());
      continue;
    }
    const path = splitAttributePath(trimmed);
    if (!path) continue;
    const core =
      path.uri === undefined ||
      path.uri.toLowerCase() === type.schema.id.toLowerCase();
    const prefix = core ? '' : `${path.uri?.toLowerCase()}:`;
    keys.add(
      `${prefix}${path.name.toLowerCase()}${path.sub ? `.${path.sub.toLowerCase()}` : ''}`,
    );
  }
  return keys;
}
