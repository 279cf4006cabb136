import type { EventStore } from '@roster/event-store';
import { WrongExpectedVersionError } from '@roster/event-store';
import { codecOf, withEventCodec } from '@roster/ledger';
import type { Metrics } from '@roster/service-kit';

/**
 * The same store (and its codec), counting appended events and refused
 * revisions.
 */
export function countedEventStore(
  store: EventStore,
  metrics: Metrics,
): EventStore {
  const counted = async <T>(events: number, append: () => Promise<T>) => {
    try {
      const result = await append();
      metrics.appends.inc(events);
      return result;
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        metrics.appendConflicts.inc();
      }
      throw error;
    }
  };

  const metered: EventStore = {
    capabilities: store.capabilities,
    append: (request) =>
      counted(request.events.length, () => store.append(request)),
    appendMany: (requests) =>
      counted(
        requests.reduce((sum, request) => sum + request.events.length, 0),
        () => store.appendMany(requests),
      ),
    readStream: (stream, options) => store.readStream(stream, options),
    readAll: (options) => store.readAll(options),
    readLog: (query) => store.readLog(query),
    waitForAppend: (after, timeoutMs, signal) =>
      store.waitForAppend(after, timeoutMs, signal),
    deleteStream: (stream) => store.deleteStream(stream),
    close: () => store.close(),
  };
  // Readers and writers find the personal-data codec on the store.
  return withEventCodec(metered, codecOf(store));
}
