import type { EventStore } from '@roster/event-store';
import { WrongExpectedVersionError } from '@roster/event-store';
import { aroundAppends } from './around-appends';
import type { Metrics } from '@roster/service-kit';

/**
 * The same store (and its codec), counting appended events and refused
 * revisions.
 */
export function countedEventStore(
  store: EventStore,
  metrics: Metrics,
): EventStore {
  return aroundAppends(store, async (events, append) => {
    try {
      const result = await append();
      metrics.appends.inc(events.length);
      return result;
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        metrics.appendConflicts.inc();
      }
      throw error;
    }
  });
}
