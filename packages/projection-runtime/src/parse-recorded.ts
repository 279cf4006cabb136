import { parseEvent } from '@roster/domain';
import type { RecordedEvent } from '@roster/event-store';
import type { ParsedEvent } from './projection';

/** Upcasts a stored event; throws UnreadableEventError like parseEvent. */
export function parseRecorded(event: RecordedEvent): ParsedEvent {
  const domain = parseEvent(event.type, event.version, event.data);

  return {
    ...domain,
    id: event.id,
    stream: event.stream,
    revision: event.revision,
    position: event.position,
    tenantId: event.tenantId,
    metadata: event.metadata,
    recordedAt: event.recordedAt,
  };
}
