import type { ParsedEvent } from './projection';

/** When the event happened: its occurredAt, else when it was recorded. */
export function eventTime(event: ParsedEvent): Date {
  const occurred = event.metadata['occurredAt'];
  const parsed = typeof occurred === 'string' ? new Date(occurred) : null;

  return parsed && !Number.isNaN(parsed.getTime()) ? parsed : event.recordedAt;
}
