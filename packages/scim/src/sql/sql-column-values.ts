import type { JsonValue, ScimResource } from '../resource/json-value';
import { isJsonObject } from '../resource/json-value';
import type { SqlColumnKind, SqlTarget } from './sql-target';

export type SqlColumnValue = string | boolean | null;

/**
 * The typed column values a projection writes next to `resource`, so the
 * columns always agree with what the evaluator reads.
 */
export function sqlColumnValues(
  resource: ScimResource,
  target: SqlTarget,
): Record<string, SqlColumnValue> {
  const values: Record<string, SqlColumnValue> = {};
  for (const [path, column] of Object.entries(target.columns)) {
    values[column.column] = toColumn(read(resource, path), column.kind);
  }
  return values;
}

function read(resource: ScimResource, path: string): JsonValue | undefined {
  const [name = '', sub] = path.split('.');
  const value = resource[name];
  if (sub === undefined) return value;
  return isJsonObject(value) ? value[sub] : undefined;
}

function toColumn(
  value: JsonValue | undefined,
  kind: SqlColumnKind,
): SqlColumnValue {
  if (kind === 'boolean') return typeof value === 'boolean' ? value : null;
  if (typeof value !== 'string') return null;
  return kind === 'lowerText' ? value.toLowerCase() : value;
}
