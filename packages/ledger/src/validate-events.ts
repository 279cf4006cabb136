import { DomainError, eventSchemas } from '@roster/domain';
import type { DomainEvent } from '@roster/domain';

/**
 * Checks events against the catalog before they are written: an event
 * that its own schema refuses would stop every projection that reads it.
 * @throws DomainError('invalid') naming the event and the field
 */
export function validateEvents(events: readonly DomainEvent[]): void {
  for (const event of events) {
    const parsed = eventSchemas[event.type].safeParse(event.data);
    if (parsed.success) continue;

    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || 'data';
    const reason = issue?.message ?? 'invalid';
    throw new DomainError('invalid', `${field} is not valid: ${reason}`);
  }
}
