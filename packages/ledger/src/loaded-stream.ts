import { fold, hashEvent, parseEvent } from '@roster/domain';
import type { Decider, DomainEvent } from '@roster/domain';
import type { EventStore, RecordedEvent } from '@roster/event-store';
import { codecOf } from './event-codec';

/** An aggregate's state with where its stream ends. */
export interface LoadedStream<State> {
  readonly stream: string;
  readonly state: State;
  /** Revision of the last event, or null for a stream with none. */
  readonly revision: number | null;
  /** Hash of the last event, which the next event must carry. */
  readonly lastHash: string | null;
}

/**
 * Reads a stream, decodes and upcasts its events and folds them into state.
 * The last hash is of the stored form, which is what the chain covers.
 */
export async function loadStream<State>(
  store: EventStore,
  stream: string,
  decider: Pick<Decider<never, State>, 'initialState' | 'evolve'>,
): Promise<LoadedStream<State>> {
  const recorded = await store.readStream(stream);
  const decoded = await codecOf(store).decode(recorded);

  const events: DomainEvent[] = decoded.map((event) =>
    parseEvent(event.type, event.version, event.data),
  );
  const last = recorded.at(-1);

  return {
    stream,
    state: fold(decider, events),
    revision: last ? last.revision : null,
    lastHash: last ? hashOfRecorded(last) : null,
  };
}

export function hashOfRecorded(event: RecordedEvent): string {
  return hashEvent(event);
}

/**
 * The stream of an aggregate whose id was just made: it has no events, so
 * nothing is read. Its append expects no stream, which catches a clash.
 */
export function freshStream<State>(
  stream: string,
  decider: Pick<Decider<never, State>, 'initialState'>,
): LoadedStream<State> {
  return {
    stream,
    state: decider.initialState,
    revision: null,
    lastHash: null,
  };
}
