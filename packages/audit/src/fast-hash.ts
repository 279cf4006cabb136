import { createHash } from 'node:crypto';
import type { HashedFields } from '@roster/domain';

/**
 * hashEvent of @roster/domain, byte for byte, without building sorted
 * copies of the event first: the verifier and the sealer hash every
 * event of a tenant.
 */
export function fastHashEvent(event: HashedFields): string {
  const { stream, revision, id, type, version, data, metadata } = event;
  const text = canonical({
    stream,
    revision,
    id,
    type,
    version,
    data,
    metadata,
  });
  return createHash('sha256').update(text).digest('hex');
}

/** canonicalJson of @roster/domain: keys sorted, undefined fields left out. */
export function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) {
    return `[${value.map((item) => (item === undefined || typeof item === 'function' ? 'null' : canonical(item))).join(',')}]`;
  }
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return JSON.stringify(value);
  }

  const record = value as Record<string, unknown>;
  const keys = orderedKeys(record).filter(
    (key) => record[key] !== undefined && typeof record[key] !== 'function',
  );
  const fields = keys.map(
    (key) => `${JSON.stringify(key)}:${canonical(record[key])}`,
  );
  return `{${fields.join(',')}}`;
}

/**
 * The key order canonicalJson ends up with: it sorts, then rebuilds an
 * object, and JavaScript puts array-index keys first in numeric order.
 */
function orderedKeys(record: Record<string, unknown>): string[] {
  const keys = Object.keys(record);
  const indexes = keys.filter(isArrayIndex);
  const names = keys.filter((key) => !isArrayIndex(key));
  return [...indexes, ...names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))];
}

function isArrayIndex(key: string): boolean {
  return /^(0|[1-9][0-9]*)$/.test(key) && Number(key) < 4294967295;
}
