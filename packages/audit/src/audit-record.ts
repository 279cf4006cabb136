import type { RecordedEvent } from '@roster/event-store';
import { z } from 'zod';

/** A stored event as the audit exports and verifies it: the stored form. */
export interface AuditRecord {
  readonly position: string;
  readonly stream: string;
  readonly revision: number;
  readonly id: string;
  readonly type: string;
  readonly version: number;
  readonly data: unknown;
  readonly metadata: Readonly<Record<string, unknown>>;
  readonly recordedAt: string;
}

export const auditRecord = z.object({
  position: z.string(),
  stream: z.string().min(1),
  revision: z.number().int().nonnegative(),
  id: z.string().min(1),
  type: z.string().min(1),
  version: z.number().int().positive(),
  data: z.unknown(),
  metadata: z.record(z.string(), z.unknown()),
  recordedAt: z.string(),
});

export function toAuditRecord(event: RecordedEvent): AuditRecord {
  return {
    position: event.position,
    stream: event.stream,
    revision: event.revision,
    id: event.id,
    type: event.type,
    version: event.version,
    data: event.data,
    metadata: event.metadata,
    recordedAt: event.recordedAt.toISOString(),
  };
}

/** When an event happened: its occurredAt, else when it was recorded. */
export function occurredAt(
  event: Pick<AuditRecord, 'metadata'> & { recordedAt: string | Date },
): Date {
  const occurred = event.metadata['occurredAt'];
  const parsed = typeof occurred === 'string' ? new Date(occurred) : null;

  if (parsed && !Number.isNaN(parsed.getTime())) return parsed;
  return new Date(event.recordedAt);
}
