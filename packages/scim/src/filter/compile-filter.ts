import type { JsonObject, ScimResource } from '../resource/json-value';
import { isJsonObject } from '../resource/json-value';
import type { ResourceType } from '../schema/resource-type';
import type { FilterScope } from './bind-filter-path';
import { bindFilterPath, invalid, leafOf } from './bind-filter-path';
import { evaluateComparison } from './evaluate-comparison';
import type { Filter } from './filter-ast';
import { prepareComparison } from './prepare-comparison';
import { isPresent, valuesOf } from './read-values';

export type ResourcePredicate = (resource: ScimResource) => boolean;

type Predicate = (object: JsonObject) => boolean;

/**
 * Binds a filter to a resource type once; the predicate is the reference
 * semantics that the SQL translation must match.
 * @throws ScimError invalidFilter for unknown attributes or bad comparisons
 */
export function compileFilter(
  filter: Filter,
  type: ResourceType,
): ResourcePredicate {
  return compile(filter, { kind: 'resource', type });
}

function compile(filter: Filter, scope: FilterScope): Predicate {
  switch (filter.kind) {
    case 'and': {
      const [left, right] = [
        compile(filter.left, scope),
        compile(filter.right, scope),
      ];
      return (object) => left(object) && right(object);
    }
    case 'or': {
      const [left, right] = [
        compile(filter.left, scope),
        compile(filter.right, scope),
      ];
      return (object) => left(object) || right(object);
    }
    case 'not': {
      const inner = compile(filter.filter, scope);
      return (object) => !inner(object);
    }
    case 'present':
      return compilePresent(filter.path, scope);
    case 'valuePath':
      return compileValuePath(filter, scope);
    case 'compare':
      return compileCompare(filter, scope);
  }
}

function compilePresent(
  path: Parameters<typeof bindFilterPath>[1],
  scope: FilterScope,
): Predicate {
  const bound = bindFilterPath(scope, path, false);
  const definition = { ...leafOf(bound), multiValued: false };
  return (object) =>
    valuesOf(bound, object).some((v) => isPresent(definition, v));
}

function compileValuePath(
  filter: Extract<Filter, { kind: 'valuePath' }>,
  scope: FilterScope,
): Predicate {
  const bound = bindFilterPath(scope, filter.path, false);
  if (bound.attribute.type !== 'complex' || scope.kind === 'element') {
    throw invalid(`'${bound.canonical}' cannot take a value filter`);
  }

  const inner = compile(filter.filter, {
    kind: 'element',
    attribute: bound.attribute,
  });
  return (object) =>
    valuesOf(bound, object).some(
      (value) => isJsonObject(value) && inner(value),
    );
}

function compileCompare(
  filter: Extract<Filter, { kind: 'compare' }>,
  scope: FilterScope,
): Predicate {
  if (filter.value === null) {
    const present = compilePresent(filter.path, scope);
    return filter.op === 'eq' ? (object) => !present(object) : present;
  }
  // `ne` is the negation of `eq`: an absent value is "not equal".
  if (filter.op === 'ne') {
    const equal = compileCompare({ ...filter, op: 'eq' }, scope);
    return (object) => !equal(object);
  }

  const bound = bindFilterPath(scope, filter.path, true);
  const comparison = prepareComparison(leafOf(bound), filter.op, filter.value);
  return (object) =>
    valuesOf(bound, object).some((value) =>
      evaluateComparison(comparison, value),
    );
}

/** Compiles a value filter for one element of a complex attribute. */
export function compileElementFilter(
  filter: Filter,
  attribute: FilterScope & { kind: 'element' },
): (element: JsonObject) => boolean {
  return compile(filter, attribute);
}
