import * as crypto from 'node:crypto';
import { canonicalJsonText } from './canonical-json-text';

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
  return sha256(text);
}

/** The fields of a stored event, its data and metadata as JSON text. */
export interface HashedText extends Omit<HashedFields, 'data' | 'metadata'> {
  readonly data: string;
  readonly metadata: string;
}

/** hashEvent of the event whose data and metadata `event` holds as text. */
export function hashEventText(event: HashedText): string {
  const text =
    `{"data":${canonicalJsonText(event.data)}` +
    `,"id":${JSON.stringify(event.id)}` +
    `,"metadata":${canonicalJsonText(event.metadata)}` +
    `,"revision":${JSON.stringify(event.revision)}` +
    `,"stream":${JSON.stringify(event.stream)}` +
    `,"type":${JSON.stringify(event.type)}` +
    `,"version":${JSON.stringify(event.version)}}`;
  return sha256(text);
}

// crypto.hash (Node 20.12 and later) hashes without building a Hash.
const oneShot = (crypto as Partial<typeof crypto>).hash;

function sha256(text: string): string {
  if (oneShot) return oneShot('sha256', text, 'hex');
  return crypto.createHash('sha256').update(text).digest('hex');
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
  if (Array.isArray(value)) return arrayJson(value);
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return JSON.stringify(value);
  }
  return objectJson(value as Record<string, unknown>);
}

function arrayJson(items: readonly unknown[]): string {
  let text = '[';
  for (let index = 0; index < items.length; index += 1) {
    const item = items[index];
    if (index > 0) text += ',';
    text += isSkipped(item) ? 'null' : canonicalJson(item);
  }
  return `${text}]`;
}

function objectJson(record: Record<string, unknown>): string {
  let text = '';
  for (const key of orderedKeys(record)) {
    const field = record[key];
    if (isSkipped(field)) continue;
    text += `${text === '' ? '' : ','}${JSON.stringify(key)}:`;
    text += canonicalJson(field);
  }
  return `{${text}}`;
}

/**
 * Object.keys lists array-index keys first, in numeric order, then the
 * others in insertion order: only those need sorting.
 */
function orderedKeys(record: Record<string, unknown>): string[] {
  const keys = Object.keys(record);
  let indexes = 0;
  while (indexes < keys.length && isArrayIndex(keys[indexes] as string)) {
    indexes += 1;
  }
  if (indexes === 0) return keys.sort();

  const names = keys.splice(indexes).sort();
  return keys.concat(names);
}

function isSkipped(value: unknown): boolean {
  return value === undefined || typeof value === 'function';
}

function isArrayIndex(key: string): boolean {
  const first = key.charCodeAt(0);
  if (first < 48 || first > 57) return false;
  return /^(0|[1-9][0-9]*)$/.test(key) && Number(key) < 4294967295;
}
