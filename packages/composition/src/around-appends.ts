import type { EventStore, EventToAppend } from '@roster/event-store';
import { codecOf, withEventCodec } from '@roster/ledger';

/** Runs one append (or appendMany) of `events`; must return its result. */
export type AroundAppend = <T>(
  events: readonly EventToAppend[],
  append: () => Promise<T>,
) => Promise<T>;

/**
 * The same store, each append run inside `around`; reads pass through.
 * Readers and writers still find the personal-data codec on the store.
 */
export function aroundAppends(
  store: EventStore,
  around: AroundAppend,
): EventStore {
  const wrapped: EventStore = {
    capabilities: store.capabilities,
    append: (request) => around(request.events, () => store.append(request)),
    appendMany: (requests) =>
      around(
        requests.flatMap((request) => request.events),
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
  return withEventCodec(wrapped, codecOf(store));
}
