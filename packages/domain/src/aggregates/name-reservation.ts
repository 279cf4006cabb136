import type { Decider } from '../decider';
import { DomainError } from '../domain-error';
import type { DomainEvent } from '../events/catalog';

export type NameKind = 'userName' | 'groupName';

export type ReservationCommand =
  | {
      readonly type: 'ClaimName';
      readonly kind: NameKind;
      readonly name: string;
      readonly ownerId: string;
    }
  | {
      readonly type: 'ReleaseName';
      readonly kind: NameKind;
      readonly name: string;
      readonly ownerId: string;
    };

/** Who holds a unique name now, if anyone. */
export interface ReservationState {
  readonly ownerId: string | null;
}

export const reservationDecider: Decider<ReservationCommand, ReservationState> =
  {
    initialState: { ownerId: null },
    evolve: evolveReservation,
    decide: decideReservation,
  };

/** The form in which names are unique: case-insensitive, NFC. */
export function normaliseName(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

function decideReservation(
  command: ReservationCommand,
  state: ReservationState,
): DomainEvent[] {
  const { name, ownerId } = command;
  const claimed =
    command.kind === 'userName' ? 'UserNameClaimed' : 'GroupNameClaimed';
  const released =
    command.kind === 'userName' ? 'UserNameReleased' : 'GroupNameReleased';

  if (command.type === 'ReleaseName') {
    return state.ownerId === ownerId
      ? [{ type: released, data: { name, ownerId } }]
      : [];
  }

  if (state.ownerId === ownerId) return [];
  if (state.ownerId !== null) {
    throw new DomainError('name-taken', `${command.kind} is taken`, {
      ownerId: state.ownerId,
    });
  }
  return [{ type: claimed, data: { name, ownerId } }];
}

function evolveReservation(
  state: ReservationState,
  event: DomainEvent,
): ReservationState {
  switch (event.type) {
    case 'UserNameClaimed':
    case 'GroupNameClaimed':
      return { ownerId: event.data.ownerId };
    case 'UserNameReleased':
    case 'GroupNameReleased':
      return { ownerId: null };
    default:
      return state;
  }
}
