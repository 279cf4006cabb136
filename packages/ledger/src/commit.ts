import type { Decider, DomainEvent, RequestContext } from '@roster/domain';
import type { EventStore, Position } from '@roster/event-store';
import { maxPosition, START } from '@roster/event-store';
import { codecOf } from './event-codec';
import type { LoadedStream } from './loaded-stream';
import { stampEvents } from './stamp-events';
import { validateEvents } from './validate-events';

/** The events a command produced for one loaded stream. */
export interface Decision {
  readonly loaded: LoadedStream<unknown>;
  readonly events: readonly DomainEvent[];
}

export interface CommitResult {
  readonly events: readonly DomainEvent[];
  /** Position of the last event written; START when nothing was written. */
  readonly position: Position;
  /** Revision of each written stream after the commit. */
  readonly revisions: ReadonlyMap<string, number>;
}

/** Runs a decider on loaded state. */
export function decide<Command, State>(
  loaded: LoadedStream<State>,
  decider: Decider<Command, State>,
  command: Command,
): Decision {
  return { loaded, events: decider.decide(command, loaded.state) };
}

/**
 * Appends every decision with its stream's loaded revision as the expected
 * version: atomically where the store can, else in the given order. Events
 * are encoded by the store's codec (see withEventCodec) before stamping.
 */
export async function commit(
  store: EventStore,
  decisions: readonly Decision[],
  context: RequestContext,
  now: Date = new Date(),
): Promise<CommitResult> {
  const writes = decisions.filter((decision) => decision.events.length > 0);
  writes.forEach((write) => validateEvents(write.events));
  const codec = codecOf(store);
  const requests = await Promise.all(
    writes.map(async ({ loaded, events }) => ({
      stream: loaded.stream,
      events: stampEvents(
        loaded,
        await codec.encode(loaded.stream, events),
        context,
        now,
      ),
      expected: loaded.revision ?? ('no-stream' as const),
    })),
  );

  const results = store.capabilities.atomicMultiStreamAppend
    ? await store.appendMany(requests)
    : await appendInOrder(store, requests);

  const revisions = new Map<string, number>();
  let position = START;
  results.forEach((result, index) => {
    revisions.set(requests[index]?.stream ?? '', result.revision);
    position = maxPosition(position, result.position);
  });

  return {
    events: writes.flatMap((write) => write.events),
    position,
    revisions,
  };
}

async function appendInOrder(
  store: EventStore,
  requests: Parameters<EventStore['append']>[0][],
) {
  const results = [];
  for (const request of requests) results.push(await store.append(request));
  return results;
}
