import { printAttributePath } from '../schema/attribute-path';
import type { Filter, FilterValue } from './filter-ast';

/** Prints a filter that `parseFilter` reads back to the same AST. */
export function printFilter(filter: Filter): string {
  switch (filter.kind) {
    case 'compare':
      return `${printAttributePath(filter.path)} ${filter.op} ${printValue(filter.value)}`;
    case 'present':
      return `${printAttributePath(filter.path)} pr`;
    case 'not':
      return `not (${printFilter(filter.filter)})`;
    case 'valuePath':
      return `${printAttributePath(filter.path)}[${printFilter(filter.filter)}]`;
    default:
      return printLogical(filter.kind, filter.left, filter.right);
  }
}

function printLogical(kind: 'and' | 'or', left: Filter, right: Filter): string {
  const leftText = needsParens(kind, left, false)
    ? `(${printFilter(left)})`
    : printFilter(left);
  const rightText = needsParens(kind, right, true)
    ? `(${printFilter(right)})`
    : printFilter(right);
  return `${leftText} ${kind} ${rightText}`;
}

// Parsing is left-associative and `and` binds tighter than `or`.
function needsParens(
  parent: 'and' | 'or',
  child: Filter,
  right: boolean,
): boolean {
  if (child.kind !== 'and' && child.kind !== 'or') return false;
  if (parent === 'and' && child.kind === 'or') return true;
  return right;
}

function printValue(value: FilterValue): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}
