import type { Expression, RawBuilder, SqlBool } from 'kysely';
import { sql } from 'kysely';
import type { BoundPath, FilterScope } from '../filter/bind-filter-path';
import { bindFilterPath, invalid, leafOf } from '../filter/bind-filter-path';
import type { Filter } from '../filter/filter-ast';
import { prepareComparison } from '../filter/prepare-comparison';
import {
  columnComparison,
  columnPresent,
  jsonbComparison,
  jsonbPresent,
} from './sql-comparison';
import type { SqlOperand } from './sql-operand';
import { existsElement, field, operandOf } from './sql-operand';
import type { SqlTarget } from './sql-target';

type Sql = RawBuilder<unknown>;

interface Context {
  readonly target: SqlTarget;
  readonly scope: FilterScope;
  /** Inside `[...]`: the jsonb element the paths are read from. */
  readonly element: Sql | undefined;
}

/**
 * Translates a filter into a parameterised WHERE condition over `target`.
 * Selects exactly what `compileFilter` selects. Only schema names and
 * parameters reach the SQL; nothing of the filter text is concatenated.
 * @throws ScimError invalidFilter
 */
export function translateFilter(
  filter: Filter,
  target: SqlTarget,
): Expression<SqlBool> {
  const context = {
    target,
    scope: { kind: 'resource', type: target.type },
    element: undefined,
  } as const;
  return sql<SqlBool>`${translate(filter, context)}`;
}

function translate(filter: Filter, context: Context): Sql {
  switch (filter.kind) {
    case 'and':
      return sql`(${translate(filter.left, context)} AND ${translate(filter.right, context)})`;
    case 'or':
      return sql`(${translate(filter.left, context)} OR ${translate(filter.right, context)})`;
    case 'not':
      return sql`(NOT ${translate(filter.filter, context)})`;
    case 'present':
      return present(
        bindFilterPath(context.scope, filter.path, false),
        context,
      );
    case 'valuePath':
      return valuePath(filter, context);
    case 'compare':
      return compare(filter, context);
  }
}

function compare(
  filter: Extract<Filter, { kind: 'compare' }>,
  context: Context,
): Sql {
  if (filter.value === null) {
    const isPresent = present(
      bindFilterPath(context.scope, filter.path, false),
      context,
    );
    return filter.op === 'eq' ? sql`(NOT ${isPresent})` : isPresent;
  }
  if (filter.op === 'ne') {
    return sql`(NOT ${compare({ ...filter, op: 'eq' }, context)})`;
  }

  const bound = bindFilterPath(context.scope, filter.path, true);
  const comparison = prepareComparison(leafOf(bound), filter.op, filter.value);
  return onOperand(bound, context, {
    column: (column) => columnComparison(column, comparison),
    json: (json) => jsonbComparison(json, comparison),
  });
}

function present(bound: BoundPath, context: Context): Sql {
  const definition = { ...leafOf(bound), multiValued: false };
  return onOperand(bound, context, {
    column: columnPresent,
    json: (json) => jsonbPresent(json, definition),
  });
}

function valuePath(
  filter: Extract<Filter, { kind: 'valuePath' }>,
  context: Context,
): Sql {
  const bound = bindFilterPath(context.scope, filter.path, false);
  if (bound.attribute.type !== 'complex' || context.scope.kind === 'element') {
    throw invalid(`'${bound.canonical}' cannot take a value filter`);
  }

  const inner = (element: Sql): Sql =>
    translate(filter.filter, {
      target: context.target,
      scope: { kind: 'element', attribute: bound.attribute },
      element,
    });
  const operand = operandOf(bound, context.target);
  if (operand.kind === 'elements') return existsElement(operand.array, inner);
  if (operand.kind === 'rows') return operand.rows(inner);
  if (operand.kind === 'jsonb') {
    return sql`coalesce(jsonb_typeof(${operand.value}) = 'object' AND ${inner(operand.value)}, false)`;
  }
  throw invalid(`'${bound.canonical}' cannot take a value filter`);
}

function onOperand(
  bound: BoundPath,
  context: Context,
  build: {
    column: (column: Extract<SqlOperand, { kind: 'column' }>['column']) => Sql;
    json: (json: Sql) => Sql;
  },
): Sql {
  if (context.element)
    return build.json(field(context.element, bound.attribute.name));

  const operand = operandOf(bound, context.target);
  if (operand.kind === 'column') return build.column(operand.column);
  if (operand.kind === 'jsonb') return build.json(operand.value);

  const sub = bound.sub;
  const each = (element: Sql) =>
    build.json(sub ? field(element, sub.name) : element);
  if (operand.kind === 'rows') return operand.rows(each);
  return existsElement(operand.array, each);
}
