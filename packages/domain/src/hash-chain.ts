import { createHash } from 'node:crypto';

/** The fields of a stored event that its hash covers. */
export interface HashedFields {
  readonly stream: string;
  readonly revision: number;
  readonly id: string;
  readonly type: string;
  readonly version: number;
  readonly data: unknown;
  readonly metadata: unknown;
}

/**
 * SHA-256 (hex) over the canonical JSON of an event. The metadata holds the
 * previous event's hash, so each stream is a hash chain.
 */
export function hashEvent(event: HashedFields): string {
  const { stream, revision, id, type, version, data, metadata } = event;
  const text = canonicalJson({
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

/**
 * JSON with object keys sorted (array-index keys first, in numeric order,
 * as JavaScript objects keep them), undefined fields left out: equal
 * values hash alike after a trip through jsonb. Written directly rather
 * than by sorting copies, since auditors hash every event of a tenant.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) {
    const items = value.map((item: unknown) =>
      item === undefined || typeof item === 'function'
        ? 'null'
        : canonicalJson(item),
    );
    return `[${items.join(',')}]`;
  }
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return JSON.stringify(value);
  }

  const record = value as Record<string, unknown>;
  const fields = orderedKeys(record)
    .filter(
      (key) => record[key] !== undefined && typeof record[key] !== 'function',
    )
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
  return `{${fields.join(',')}}`;
}

function orderedKeys(record: Record<string, unknown>): string[] {
  const keys = Object.keys(record);
  const indexes = keys.filter(isArrayIndex);
  const names = keys.filter((key) => !isArrayIndex(key));
  return [...indexes, ...names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))];
}

function isArrayIndex(key: string): boolean {
  return /^(0|[1-9][0-9]*)$/.test(key) && Number(key) < 4294967295;
}
