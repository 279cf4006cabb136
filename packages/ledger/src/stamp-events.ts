import { createHash } from 'node:crypto';
import { canonicalJson, currentVersion, hashEvent } from '@roster/domain';
import type { EventMetadata, RequestContext } from '@roster/domain';
import type { EventToAppend } from '@roster/event-store';
import type { StorableEvent } from './event-codec';

export interface StreamEnd {
  readonly stream: string;
  readonly revision: number | null;
  readonly lastHash: string | null;
}

/**
 * Wraps events (domain events, or their encoded form) in envelopes: schema
 * version, request metadata and the hash of the previous event of the
 * stream, computed over exactly what is stored.
 */
export function stampEvents(
  end: StreamEnd,
  events: readonly StorableEvent[],
  context: RequestContext,
  occurredAt: Date,
): EventToAppend[] {
  const stamped: EventToAppend[] = [];
  let revision = end.revision ?? -1;
  let previousHash = end.lastHash;

  for (const event of events) {
    revision += 1;
    const metadata: EventMetadata = {
      ...context,
      occurredAt: occurredAt.toISOString(),
      previousHash,
    };
    const envelope: EventToAppend = {
      id: eventId(context.requestId, end.stream, revision, event),
      type: event.type,
      version: currentVersion(event.type),
      data: event.data,
      metadata,
    };

    stamped.push(envelope);
    previousHash = hashEvent({ ...envelope, stream: end.stream, revision });
  }
  return stamped;
}

/**
 * The same request writing the same event at the same revision gets the
 * same id, so a store can recognise a retried append; two different events
 * never share one, even from one request. Request ids are Roster's own.
 */
function eventId(
  requestId: string,
  stream: string,
  revision: number,
  event: StorableEvent,
): string {
  const content = canonicalJson([event.type, event.data]);
  const hex = createHash('sha256')
    .update(`${requestId}\n${stream}\n${revision}\n${content}`)
    .digest('hex');
  const variant = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `8${hex.slice(13, 16)}`,
    `${variant}${hex.slice(17, 20)}`,
    hex.slice(20, 32),
  ].join('-');
}
