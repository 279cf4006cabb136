import type { DomainEvent } from './events/catalog';

/**
 * A pure aggregate: the state before any event, how an event changes it,
 * and which events a command produces (or a thrown DomainError).
 */
export interface Decider<Command, State> {
  readonly initialState: State;
  evolve(state: State, event: DomainEvent): State;
  decide(command: Command, state: State): DomainEvent[];
}

export function fold<State>(
  decider: Pick<Decider<never, State>, 'initialState' | 'evolve'>,
  events: readonly DomainEvent[],
): State {
  return events.reduce(decider.evolve, decider.initialState);
}
