import type { RecordedEvent, StoredEvent } from '@roster/event-store';
import type { AuditRecord } from './audit-record';

/** A stored event with its data and metadata JSON parsed. */
export function parseStored(event: StoredEvent): AuditRecord {
  const metadata: unknown = JSON.parse(event.metadata);
  return {
    position: event.position,
    stream: event.stream,
    revision: event.revision,
    id: event.id,
    type: event.type,
    version: event.version,
    data: JSON.parse(event.data) as unknown,
    // Only a tampered row holds other metadata; it fails its link anyway.
    metadata: isRecord(metadata) ? metadata : {},
    recordedAt: event.recordedAt,
  };
}

/** A stored event as the codec decodes it. */
export function toRecorded(
  event: StoredEvent,
  tenantId: string,
): RecordedEvent {
  const record = parseStored(event);
  return { ...record, tenantId, recordedAt: new Date(record.recordedAt) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
