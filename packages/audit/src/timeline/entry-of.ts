import type { RecordedEvent } from '@roster/event-store';
import { actor } from '@roster/domain';
import { occurredAt } from '../audit-record';
import { isErased } from '../personal-data/erased-marker';
import type { AttributeChange, TimelineEntry } from './timeline-entry';

/** The envelope part of a timeline entry, with its summary and changes. */
export function entryOf(
  event: RecordedEvent,
  summary: string,
  changes: AttributeChange[],
): TimelineEntry {
  const { metadata } = event;
  const parsedActor = actor.safeParse(metadata['actor']);

  return {
    revision: event.revision,
    eventId: event.id,
    type: event.type,
    occurredAt: occurredAt(event).toISOString(),
    actor: parsedActor.success ? parsedActor.data : null,
    requestId: text(metadata['requestId']),
    correlationId: text(metadata['correlationId']),
    userAgent: text(metadata['userAgent']),
    summary,
    changes,
    erased: isErased(event),
  };
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
