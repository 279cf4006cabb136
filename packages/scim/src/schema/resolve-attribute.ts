import type { AttributeDefinition } from './attribute-definition';
import type { AttributePath } from './attribute-path';
import { printAttributePath } from './attribute-path';
import { commonAttributes } from './common-attributes';
import type { ResourceType } from './resource-type';

/** A path bound to its definitions; `extensionUrn` set when stored there. */
export interface ResolvedAttribute {
  readonly extensionUrn: string | undefined;
  readonly attribute: AttributeDefinition;
  readonly sub: AttributeDefinition | undefined;
}

type Failure = (detail: string) => Error;

/** Finds a definition by name, case-insensitively. */
export function findAttribute(
  definitions: readonly AttributeDefinition[],
  name: string,
): AttributeDefinition | undefined {
  const lower = name.toLowerCase();
  return definitions.find((d) => d.name.toLowerCase() === lower);
}

/** The extension of `type` whose URN is `uri` (any case). */
export function findExtensionUrn(
  type: ResourceType,
  uri: string,
): string | undefined {
  const lower = uri.toLowerCase();
  return type.extensions.find((e) => e.schema.id.toLowerCase() === lower)
    ?.schema.id;
}

/** Resolves a path against a resource type; `fail` builds the error. */
export function resolveAttribute(
  type: ResourceType,
  path: AttributePath,
  fail: Failure,
): ResolvedAttribute {
  const { definitions, extensionUrn } = scopeOf(type, path, fail);
  const attribute = findAttribute(definitions, path.name);
  if (!attribute) throw fail(`unknown attribute '${printAttributePath(path)}'`);

  return {
    extensionUrn,
    attribute,
    sub: resolveSub(attribute, path, fail),
  };
}

/** Resolves a sub-attribute of a complex attribute (inside `[...]`). */
export function resolveSub(
  attribute: AttributeDefinition,
  path: AttributePath,
  fail: Failure,
): AttributeDefinition | undefined {
  if (path.sub === undefined) return undefined;

  const sub = findAttribute(attribute.subAttributes ?? [], path.sub);
  if (!sub) throw fail(`unknown attribute '${printAttributePath(path)}'`);
  return sub;
}

// TODO(limit): attributes of unknown extension schemas cannot be filtered
// or sorted, and a PATCH of them is skipped.
function scopeOf(
  type: ResourceType,
  path: AttributePath,
  fail: Failure,
): {
  definitions: readonly AttributeDefinition[];
  extensionUrn: string | undefined;
} {
  const core = [...commonAttributes, ...type.schema.attributes];
  if (path.uri === undefined)
    return { definitions: core, extensionUrn: undefined };
  if (path.uri.toLowerCase() === type.schema.id.toLowerCase()) {
    return { definitions: core, extensionUrn: undefined };
  }

  const extension = type.extensions.find(
    (e) => e.schema.id.toLowerCase() === path.uri?.toLowerCase(),
  );
  if (!extension) throw fail(`unknown schema '${path.uri}'`);
  return {
    definitions: extension.schema.attributes,
    extensionUrn: extension.schema.id,
  };
}
