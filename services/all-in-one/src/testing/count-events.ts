import type { EventStore } from '@roster/event-store';
import { START } from '@roster/event-store';

/** How many events a tenant's log holds now. */
export async function countEvents(
  store: EventStore,
  tenantId: string,
): Promise<number> {
  let count = 0;
  let from = START;
  for (;;) {
    const batch = await store.readAll({ from, limit: 1000, tenantId });
    count += batch.events.length;
    if (batch.events.length === 0) return count;
    from = batch.next;
  }
}
