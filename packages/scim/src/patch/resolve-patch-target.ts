import { ScimError } from '../errors/scim-error';
import { compileElementFilter } from '../filter/compile-filter';
import type { Filter } from '../filter/filter-ast';
import type { JsonObject } from '../resource/json-value';
import type { AttributeDefinition } from '../schema/attribute-definition';
import type { AttributePath } from '../schema/attribute-path';
import type { ResourceType } from '../schema/resource-type';
import {
  findAttribute,
  findExtensionUrn,
  resolveAttribute,
} from '../schema/resolve-attribute';

/** What a PATCH path points at; no `attribute` means a whole extension. */
export interface PatchTarget {
  readonly text: string;
  readonly extensionUrn: string | undefined;
  readonly attribute: AttributeDefinition | undefined;
  readonly sub: AttributeDefinition | undefined;
  readonly filter: Filter | undefined;
  readonly matches: ((element: JsonObject) => boolean) | undefined;
}

/** Binds a path to the schema. @throws ScimError invalidPath */
export function resolvePatchTarget(
  type: ResourceType,
  attributePath: AttributePath,
  options: {
    readonly text: string;
    readonly sub?: string;
    readonly filter?: Filter;
  },
): PatchTarget {
  const { text, filter } = options;
  const whole = wholeExtension(type, attributePath, options);
  if (whole) return whole;

  const resolved = resolveAttribute(type, attributePath, invalidPath);
  const attribute = resolved.attribute;
  const sub = resolved.sub ?? subOf(attribute, options.sub, text);
  if (filter && attribute.type !== 'complex') {
    throw invalidPath(`'${text}' cannot take a value filter`);
  }

  const matches = filter
    ? compileElementFilter(filter, { kind: 'element', attribute })
    : undefined;
  return {
    text,
    extensionUrn: resolved.extensionUrn,
    attribute,
    sub,
    filter,
    matches,
  };
}

function wholeExtension(
  type: ResourceType,
  path: AttributePath,
  options: {
    readonly text: string;
    readonly sub?: string;
    readonly filter?: Filter;
  },
): PatchTarget | undefined {
  if (path.uri === undefined || path.sub || options.sub || options.filter)
    return undefined;

  const urn = findExtensionUrn(type, `${path.uri}:${path.name}`);
  if (!urn) return undefined;
  return {
    text: options.text,
    extensionUrn: urn,
    attribute: undefined,
    sub: undefined,
    filter: undefined,
    matches: undefined,
  };
}

function subOf(
  attribute: AttributeDefinition,
  name: string | undefined,
  text: string,
): AttributeDefinition | undefined {
  if (name === undefined) return undefined;

  const sub = findAttribute(attribute.subAttributes ?? [], name);
  if (!sub) throw invalidPath(`unknown attribute '${text}'`);
  return sub;
}

export function invalidPath(detail: string): ScimError {
  return ScimError.badRequest('invalidPath', detail);
}
