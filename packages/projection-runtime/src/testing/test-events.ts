import { randomUUID } from 'node:crypto';
import { currentVersion, type DomainEvent } from '@roster/domain';
import type { AppendRequest, EventToAppend } from '@roster/event-store';

/** An envelope for a domain event, with metadata a test does not care about. */
export function envelope(tenantId: string, event: DomainEvent): EventToAppend {
  const requestId = randomUUID();
  return {
    id: randomUUID(),
    type: event.type,
    version: currentVersion(event.type),
    data: event.data,
    metadata: {
      tenantId,
      actor: { kind: 'system', id: 'test' },
      requestId,
      correlationId: requestId,
      occurredAt: new Date().toISOString(),
      previousHash: null,
    },
  };
}

/** An append of `events` to a stream, any revision expected. */
export function appendOf(
  tenantId: string,
  stream: string,
  events: readonly DomainEvent[],
): AppendRequest {
  return {
    stream,
    events: events.map((event) => envelope(tenantId, event)),
    expected: 'any',
  };
}

/** A RoleDefined event: the tests' event of any tenant and stream. */
export function roleDefined(name: string): DomainEvent {
  return { type: 'RoleDefined', data: { role: name, permissions: [] } };
}
