import { ScimError } from '../errors/scim-error';
import { coerceBoolean } from '../resource/coerce-boolean';
import type { AttributeDefinition } from '../schema/attribute-definition';
import type { CompareOperator, FilterValue } from './filter-ast';

/** A comparison checked against the attribute's type, value converted. */
export type PreparedComparison =
  | { readonly kind: 'absent' | 'present' }
  | {
      readonly kind: 'string';
      readonly op: CompareOperator;
      readonly value: string;
      readonly caseExact: boolean;
    }
  | {
      readonly kind: 'boolean';
      readonly op: 'eq' | 'ne';
      readonly value: boolean;
    }
  | {
      readonly kind: 'number' | 'dateTime';
      readonly op: OrderOperator;
      readonly value: number;
    };

type OrderOperator = Exclude<CompareOperator, 'co' | 'sw' | 'ew'>;

/**
 * Checks `op value` against the definition's type. Booleans accept "True";
 * strings accept numbers; `eq null` means absent and `ne null` present.
 * @throws ScimError invalidFilter
 */
export function prepareComparison(
  definition: AttributeDefinition,
  op: CompareOperator,
  value: FilterValue,
): PreparedComparison {
  if (value === null) return prepareNull(op);

  switch (definition.type) {
    case 'boolean':
      return prepareBoolean(definition, op, value);
    case 'integer':
    case 'decimal':
      return {
        kind: 'number',
        op: ordered(definition, op),
        value: toNumber(definition, value),
      };
    case 'dateTime':
      return {
        kind: 'dateTime',
        op: ordered(definition, op),
        value: toTime(definition, value),
      };
    case 'complex':
      throw invalid(`'${definition.name}' is complex; name a sub-attribute`);
    default:
      return {
        kind: 'string',
        op,
        value: String(value),
        caseExact: definition.caseExact,
      };
  }
}

function prepareNull(op: CompareOperator): PreparedComparison {
  if (op === 'eq') return { kind: 'absent' };
  if (op === 'ne') return { kind: 'present' };
  throw invalid(`'${op}' cannot compare with null`);
}

function prepareBoolean(
  definition: AttributeDefinition,
  op: CompareOperator,
  value: FilterValue,
): PreparedComparison {
  if (op !== 'eq' && op !== 'ne') {
    throw invalid(`'${op}' does not apply to boolean '${definition.name}'`);
  }

  const coerced = coerceBoolean(value);
  if (coerced === undefined) throw invalid(`'${definition.name}' is a boolean`);
  return { kind: 'boolean', op, value: coerced };
}

function ordered(
  definition: AttributeDefinition,
  op: CompareOperator,
): OrderOperator {
  if (op === 'co' || op === 'sw' || op === 'ew') {
    throw invalid(
      `'${op}' does not apply to ${definition.type} '${definition.name}'`,
    );
  }
  return op;
}

function toNumber(definition: AttributeDefinition, value: FilterValue): number {
  const number = typeof value === 'string' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number)) {
    throw invalid(`'${definition.name}' is a number`);
  }
  return number;
}

// TODO(limit): dateTime compares at millisecond precision; PostgreSQL keeps microseconds.
function toTime(definition: AttributeDefinition, value: FilterValue): number {
  const time = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(time)) throw invalid(`'${definition.name}' is a dateTime`);
  return time;
}

function invalid(detail: string): ScimError {
  return ScimError.badRequest('invalidFilter', detail);
}
