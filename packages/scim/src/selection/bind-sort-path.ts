import { ScimError } from '../errors/scim-error';
import type { BoundPath } from '../filter/bind-filter-path';
import { bindFilterPath } from '../filter/bind-filter-path';
import { splitAttributePath } from '../schema/attribute-path';
import type { ResourceType } from '../schema/resource-type';

export type SortOrder = 'ascending' | 'descending';

/** Binds `sortBy`; only singular attributes sort. @throws ScimError invalidValue */
export function bindSortPath(sortBy: string, type: ResourceType): BoundPath {
  const path = splitAttributePath(sortBy.trim());
  if (!path) throw invalid(`bad sortBy '${sortBy.slice(0, 80)}'`);

  const bound = bindFilterPath({ kind: 'resource', type }, path, true);
  if (bound.attribute.multiValued) throw invalid(`'${sortBy}' is multi-valued`);
  return bound;
}

function invalid(detail: string): ScimError {
  return ScimError.badRequest('invalidValue', detail);
}
