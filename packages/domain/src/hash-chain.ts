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

/** JSON with object keys sorted, so equal values hash alike after jsonb. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;

  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, field]) => field !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(
    entries.map(([key, field]) => [key, sortKeys(field)]),
  );
}
