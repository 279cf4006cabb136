import { ScimError } from '../errors/scim-error';
import type { AttributeDefinition } from '../schema/attribute-definition';
import type { AttributePath } from '../schema/attribute-path';
import { printAttributePath } from '../schema/attribute-path';
import type { ResourceType } from '../schema/resource-type';
import {
  findAttribute,
  resolveAttribute,
  resolveSub,
} from '../schema/resolve-attribute';

/** Where a filter path is read: a resource, or one element inside `[...]`. */
export type FilterScope =
  | { readonly kind: 'resource'; readonly type: ResourceType }
  | { readonly kind: 'element'; readonly attribute: AttributeDefinition };

/** A filter path bound to its schema; `leaf` is what gets compared. */
export interface BoundPath {
  readonly extensionUrn: string | undefined;
  readonly attribute: AttributeDefinition;
  /** The sub-attribute read inside each value, if any. */
  readonly sub: AttributeDefinition | undefined;
  /** Canonical name, e.g. `name.givenName` or `urn:...:User:manager.value`. */
  readonly canonical: string;
}

/** Binds a path; a complex attribute without sub compares its `value`. */
export function bindFilterPath(
  scope: FilterScope,
  path: AttributePath,
  forComparison: boolean,
): BoundPath {
  const bound = bindRaw(scope, path);
  if (!forComparison || bound.sub || bound.attribute.type !== 'complex') {
    return bound;
  }

  const value = findAttribute(bound.attribute.subAttributes ?? [], 'value');
  if (!value) {
    throw invalid(
      `'${printAttributePath(path)}' is complex; name a sub-attribute`,
    );
  }
  return { ...bound, sub: value, canonical: `${bound.canonical}.value` };
}

/** The definition a comparison on this path compares against. */
export function leafOf(bound: BoundPath): AttributeDefinition {
  return bound.sub ?? bound.attribute;
}

function bindRaw(scope: FilterScope, path: AttributePath): BoundPath {
  if (scope.kind === 'resource') {
    const resolved = resolveAttribute(scope.type, path, invalid);
    const prefix = resolved.extensionUrn ? `${resolved.extensionUrn}:` : '';
    const suffix = resolved.sub ? `.${resolved.sub.name}` : '';
    return {
      ...resolved,
      canonical: `${prefix}${resolved.attribute.name}${suffix}`,
    };
  }

  const attribute = findAttribute(
    scope.attribute.subAttributes ?? [],
    path.name,
  );
  if (!attribute || path.uri !== undefined) {
    throw invalid(`unknown attribute '${printAttributePath(path)}'`);
  }
  const sub = resolveSub(attribute, path, invalid);
  return { extensionUrn: undefined, attribute, sub, canonical: attribute.name };
}

export function invalid(detail: string): ScimError {
  return ScimError.badRequest('invalidFilter', detail);
}
