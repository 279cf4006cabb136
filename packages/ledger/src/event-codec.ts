import type { DomainEvent, EventType } from '@roster/domain';
import { delegatingStore } from '@roster/event-store';
import type { EventStore, RecordedEvent } from '@roster/event-store';

/** An event as it is stored and hashed: data possibly sealed. */
export interface StorableEvent {
  readonly type: EventType;
  readonly data: unknown;
}

/**
 * Turns domain events into their stored form before they are stamped (so
 * the hash chain covers what is stored), and stored events back into
 * readable ones. Decoding never changes what a hash is computed over:
 * callers hash the recorded events, not the decoded ones.
 */
export interface EventCodec {
  encode(
    stream: string,
    events: readonly DomainEvent[],
  ): Promise<StorableEvent[]>;
  decode(events: readonly RecordedEvent[]): Promise<RecordedEvent[]>;
}

/** Stores data as it is. */
export const plainCodec: EventCodec = {
  encode: (_stream, events) => Promise.resolve([...events]),
  decode: (events) => Promise.resolve([...events]),
};

/** An event store that carries the codec its readers and writers use. */
export interface EncodingEventStore extends EventStore {
  readonly codec: EventCodec;
}

/** The same store, with `codec` used by the ledger and the projections. */
export function withEventCodec(
  store: EventStore,
  codec: EventCodec,
): EncodingEventStore {
  return { ...delegatingStore(store), codec };
}

/** The codec a store was given by withEventCodec, else plainCodec. */
export function codecOf(store: EventStore): EventCodec {
  const { codec } = store as Partial<EncodingEventStore>;
  return codec ?? plainCodec;
}
