import type { LogQuery, RecordedEvent, StoredEvent } from './event-store';

/** The form of `occurredAt` an event is filtered by: as the ledger stamps it. */
export const INSTANT_PATTERN =
  /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z$/;

/** A query's time bounds as ISO-8601 text, which compares as time does. */
export interface TimeBounds {
  readonly from: string | null;
  readonly to: string | null;
}

/**
 * The bounds of `query` as text. Throws RangeError for an invalid date or
 * one outside the years 0 to 9999 (their text would not compare).
 */
export function timeBoundsOf(query: LogQuery): TimeBounds {
  return { from: instantText(query.from), to: instantText(query.to) };
}

/** The instant readLog filters an event by, as ISO-8601 text. */
export function instantOf(
  metadata: Readonly<Record<string, unknown>>,
  recordedAt: string,
): string {
  const occurred = metadata['occurredAt'];
  return typeof occurred === 'string' && INSTANT_PATTERN.test(occurred)
    ? occurred
    : recordedAt;
}

/** Whether a decoded event is one that `query` asks for. */
export function inLogQuery(
  event: RecordedEvent,
  query: LogQuery,
  bounds: TimeBounds,
): boolean {
  if (event.tenantId !== query.tenantId) return false;
  if (query.stream !== undefined && event.stream !== query.stream) {
    return false;
  }

  const instant = instantOf(event.metadata, event.recordedAt.toISOString());
  if (bounds.from !== null && instant < bounds.from) return false;
  return bounds.to === null || instant < bounds.to;
}

/** A decoded event in its stored form, data and metadata as JSON text. */
export function toStoredEvent(event: RecordedEvent): StoredEvent {
  return {
    position: event.position,
    stream: event.stream,
    revision: event.revision,
    id: event.id,
    type: event.type,
    version: event.version,
    data: JSON.stringify(event.data) ?? 'null',
    metadata: JSON.stringify(event.metadata),
    recordedAt: event.recordedAt.toISOString(),
  };
}

function instantText(date: Date | undefined): string | null {
  if (date === undefined) return null;

  const text = date.toISOString();
  if (!INSTANT_PATTERN.test(text)) {
    throw new RangeError(`not an instant of the years 0 to 9999: ${text}`);
  }
  return text;
}
