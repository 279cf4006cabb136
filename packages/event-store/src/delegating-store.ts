import type { EventStore } from './event-store';

/**
 * A store whose every method calls `store`'s: the base of a wrapper that
 * replaces a few of them (`{ ...delegatingStore(store), append }`).
 */
export function delegatingStore(store: EventStore): EventStore {
  return {
    capabilities: store.capabilities,
    append: (request) => store.append(request),
    appendMany: (requests) => store.appendMany(requests),
    readStream: (stream, options) => store.readStream(stream, options),
    readAll: (options) => store.readAll(options),
    readLog: (query) => store.readLog(query),
    waitForAppend: (after, timeoutMs, signal) =>
      store.waitForAppend(after, timeoutMs, signal),
    deleteStream: (stream) => store.deleteStream(stream),
    close: () => store.close(),
  };
}
