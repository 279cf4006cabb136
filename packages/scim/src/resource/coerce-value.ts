import type { AttributeDefinition } from '../schema/attribute-definition';
import { findAttribute } from '../schema/resolve-attribute';
import { coerceBoolean } from './coerce-boolean';
import type { JsonObject, JsonValue } from './json-value';
import { isJsonObject } from './json-value';
import type { ValidationIssue } from './validation-issue';

/** Where coercion reports; `path` names the value being coerced. */
export interface CoerceContext {
  readonly path: string;
  readonly issues: ValidationIssue[];
}

/**
 * Coerces a request value to its stored form. Null, empty arrays and
 * empty objects become undefined; readOnly sub-attributes are dropped.
 */
export function coerceValue(
  definition: AttributeDefinition,
  raw: unknown,
  context: CoerceContext,
): JsonValue | undefined {
  if (raw === null || raw === undefined) return undefined;
  if (!definition.multiValued) return coerceSingle(definition, raw, context);

  const items = Array.isArray(raw) ? raw : [raw];
  const values = items
    .map((item) => coerceSingle(definition, item, context))
    .filter((value) => value !== undefined);
  return values.length === 0 ? undefined : values;
}

/** Coerces one value (an element when multi-valued). */
export function coerceSingle(
  definition: AttributeDefinition,
  raw: unknown,
  context: CoerceContext,
): JsonValue | undefined {
  if (raw === null || raw === undefined) return undefined;

  switch (definition.type) {
    case 'complex':
      return coerceComplex(definition, raw, context);
    case 'boolean':
      return check(coerceBoolean(raw), 'a boolean', context);
    case 'integer':
      return check(toNumber(raw, true), 'an integer', context);
    case 'decimal':
      return check(toNumber(raw, false), 'a number', context);
    case 'dateTime':
      return check(toDateTime(raw), 'a dateTime', context);
    default:
      return check(toText(raw), 'a string', context);
  }
}

function coerceComplex(
  definition: AttributeDefinition,
  raw: unknown,
  context: CoerceContext,
): JsonObject | undefined {
  const subs = definition.subAttributes ?? [];
  const valueSub = findAttribute(subs, 'value');
  if (!isJsonObject(raw)) {
    // A bare value (Entra's manager id) means {"value": ...}.
    if (valueSub && !Array.isArray(raw) && typeof raw !== 'object') {
      return coerceComplex(definition, { value: raw }, context);
    }
    return check(undefined, 'an object', context);
  }

  const result: JsonObject = {};
  for (const [key, value] of Object.entries(raw)) {
    const sub = findAttribute(subs, key);
    if (!sub || sub.mutability === 'readOnly') continue;

    const path = `${context.path}.${sub.name}`;
    const coerced = coerceSingle(sub, value, { ...context, path });
    if (coerced !== undefined) result[sub.name] = coerced;
  }

  return Object.keys(result).length === 0 ? undefined : result;
}

function check<T>(
  value: T | undefined,
  expected: string,
  context: CoerceContext,
): T | undefined {
  if (value === undefined) {
    context.issues.push({
      code: 'invalidValue',
      path: context.path,
      message: `expected ${expected}`,
    });
  }
  return value;
}

function toText(raw: unknown): string | undefined {
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
  return undefined;
}

function toNumber(raw: unknown, integer: boolean): number | undefined {
  const value =
    typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  return integer && !Number.isInteger(value) ? undefined : value;
}

function toDateTime(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;

  const iso =
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i;
  return iso.test(raw) && !Number.isNaN(Date.parse(raw)) ? raw : undefined;
}
