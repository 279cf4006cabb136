import type { JsonValue } from '../resource/json-value';
import { compareText } from './compare-text';
import type { PreparedComparison } from './prepare-comparison';

/** Whether one stored scalar satisfies a prepared comparison. */
export function evaluateComparison(
  comparison: PreparedComparison,
  stored: JsonValue | undefined,
): boolean {
  switch (comparison.kind) {
    case 'absent':
    case 'present':
      return false;
    case 'boolean':
      return typeof stored === 'boolean' && stored === comparison.value;
    case 'number':
      return (
        typeof stored === 'number' &&
        order(comparison.op, stored - comparison.value)
      );
    case 'dateTime':
      return (
        typeof stored === 'string' &&
        order(comparison.op, Date.parse(stored) - comparison.value)
      );
    case 'string':
      return typeof stored === 'string' && compareString(comparison, stored);
  }
}

// TODO(limit): case folding is toLowerCase here and lower() in SQL; they agree on ASCII only.
function compareString(
  comparison: Extract<PreparedComparison, { kind: 'string' }>,
  stored: string,
): boolean {
  const left = comparison.caseExact ? stored : stored.toLowerCase();
  const right = comparison.caseExact
    ? comparison.value
    : comparison.value.toLowerCase();

  switch (comparison.op) {
    case 'co':
      return left.includes(right);
    case 'sw':
      return left.startsWith(right);
    case 'ew':
      return left.endsWith(right);
    default:
      return order(comparison.op, compareText(left, right));
  }
}

function order(op: string, difference: number): boolean {
  switch (op) {
    case 'eq':
      return difference === 0;
    case 'ne':
      return difference !== 0;
    case 'gt':
      return difference > 0;
    case 'ge':
      return difference >= 0;
    case 'lt':
      return difference < 0;
    default:
      return difference <= 0;
  }
}
