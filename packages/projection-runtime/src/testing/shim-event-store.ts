import { createEventStore, type EventStore } from '@roster/event-store';
import type { SqlClient } from '@roster/sql';

/**
 * @deprecated The stand-in is gone: this is the real SQL event store over
 * `client`. Use `createEventStore({ kind: 'sql', client })`.
 */
export function createShimEventStore(client: SqlClient): Promise<EventStore> {
  return createEventStore({ kind: 'sql', client });
}
