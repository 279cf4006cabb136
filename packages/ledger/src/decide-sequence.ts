import type { Decider, DomainEvent } from '@roster/domain';
import type { Decision } from './commit';
import type { LoadedStream } from './loaded-stream';

/** Runs several commands on one stream, each on the state the last left. */
export function decideSequence<Command, State>(
  loaded: LoadedStream<State>,
  decider: Decider<Command, State>,
  commands: readonly Command[],
): Decision {
  const events: DomainEvent[] = [];
  let state = loaded.state;

  for (const command of commands) {
    const produced = decider.decide(command, state);
    state = produced.reduce(
      (next, event) => decider.evolve(next, event),
      state,
    );
    events.push(...produced);
  }
  return { loaded, events };
}
