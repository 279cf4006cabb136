import type { Decider } from '../decider';
import { fold } from '../decider';
import { DomainError } from '../domain-error';
import type { DomainErrorCode } from '../domain-error';
import type { DomainEvent } from '../events/catalog';

export interface Then {
  then(expected: DomainEvent[]): void;
  thenFails(code: DomainErrorCode): void;
}

/** given(decider, history).when(command).then(events) */
export function given<Command, State>(
  decider: Decider<Command, State>,
  history: DomainEvent[] = [],
): { when(command: Command): Then } {
  return {
    when: (command) => ({
      then: (expected) => {
        const state = fold(decider, history);
        expect(decider.decide(command, state)).toEqual(expected);
      },
      thenFails: (code) => {
        const state = fold(decider, history);
        let caught: unknown;
        try {
          decider.decide(command, state);
        } catch (error) {
          caught = error;
        }
        expect(caught).toBeInstanceOf(DomainError);
        expect((caught as DomainError).code).toBe(code);
      },
    }),
  };
}
