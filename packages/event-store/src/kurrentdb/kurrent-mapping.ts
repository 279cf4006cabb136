import {
  ANY,
  NO_STREAM,
  STREAM_EXISTS,
  type AppendStreamState,
  type CurrentStreamState,
  type EventData,
  type JSONType,
  type Position as KurrentPosition,
  type ResolvedEvent,
} from '@kurrent/kurrentdb-client';
import type {
  EventToAppend,
  ExpectedRevision,
  RecordedEvent,
} from '../event-store';
import {
  decodePosition,
  encodePosition,
  START,
  type Position,
} from '../position';
import { tenantOfStream } from '../stream-name';

const VERSION_KEY = 'roster-version';
const METADATA_KEY = 'roster-metadata';

export function toStreamState(expected: ExpectedRevision): AppendStreamState {
  switch (expected) {
    case 'no-stream':
      return NO_STREAM;
    case 'any':
      return ANY;
    case 'exists':
      return STREAM_EXISTS;
    default:
      return BigInt(expected);
  }
}

/** The revision of the last event, or null for "no stream". */
export function fromCurrentState(actual: CurrentStreamState): number | null {
  return typeof actual === 'bigint' && actual >= 0n ? Number(actual) : null;
}

/**
 * Our envelope as a KurrentDB event: the UUID is kept (it de-duplicates
 * retries), metadata travels as string properties because the
 * multi-stream append accepts nothing else.
 */
export function toEventData(event: EventToAppend): EventData {
  return {
    id: event.id,
    contentType: 'application/json',
    type: event.type,
    data: toJson(event.data),
    metadata: {
      [VERSION_KEY]: String(event.version),
      [METADATA_KEY]: JSON.stringify(event.metadata),
    },
  };
}

export function fromResolvedEvent(
  resolved: ResolvedEvent,
): RecordedEvent | null {
  const event = resolved.event;
  if (!event) return null;

  const properties = decodeProperties(event.metadata);
  return {
    id: event.id,
    type: event.type,
    version: Number(properties[VERSION_KEY] ?? '1'),
    data:
      event.data instanceof Uint8Array ? decodeJson(event.data) : event.data,
    metadata: parseMetadata(properties[METADATA_KEY]),
    stream: event.streamId,
    revision: Number(event.revision),
    position: event.position
      ? fromKurrentPosition(event.position)
      : positionOfCommit(resolved.commitPosition),
    tenantId: tenantOfStream(event.streamId),
    recordedAt: event.created,
  };
}

export function fromKurrentPosition(position: KurrentPosition): Position {
  return encodePosition(position.commit, position.prepare);
}

export function toKurrentPosition(position: Position): KurrentPosition {
  const [commit, prepare] = decodePosition(position);
  return { commit, prepare };
}

function positionOfCommit(commit: bigint | undefined): Position {
  return commit === undefined ? START : encodePosition(commit, commit);
}

function toJson(data: unknown): JSONType {
  if (typeof data === 'string' || (typeof data === 'object' && data !== null)) {
    return data as JSONType;
  }
  throw new TypeError(
    'KurrentDB event data must be an object, array or string',
  );
}

function decodeProperties(metadata: unknown): Record<string, unknown> {
  const value =
    metadata instanceof Uint8Array ? decodeJson(metadata) : metadata;
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)
    : {};
}

function parseMetadata(text: unknown): Record<string, unknown> {
  if (typeof text !== 'string') return {};
  const value: unknown = JSON.parse(text);
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)
    : {};
}

function decodeJson(bytes: Uint8Array): unknown {
  const text = new TextDecoder().decode(bytes);
  return text === '' ? null : (JSON.parse(text) as unknown);
}
