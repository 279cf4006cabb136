import { delegatingStore } from '@roster/event-store';
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
    ...delegatingStore(store),
    append: (request) => around(request.events, () => store.append(request)),
    appendMany: (requests) =>
      around(
        requests.flatMap((request) => request.events),
        () => store.appendMany(requests),
      ),
  };
  return withEventCodec(wrapped, codecOf(store));
}
