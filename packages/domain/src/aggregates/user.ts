import type { Decider } from '../decider';
import { DomainError } from '../domain-error';
import type { DomainEvent } from '../events/catalog';
import type { ScimResource } from '../events/scim-resource';
import { canonicalJson } from '../hash-chain';

export type UserCommand =
  | {
      readonly type: 'ProvisionUser';
      readonly userId: string;
      readonly userName: string;
      readonly active: boolean;
      readonly resource: ScimResource;
      /** `product`: an admin creates the user before SCIM knows it. */
      readonly origin: 'scim' | 'product';
    }
  | {
      readonly type: 'AdoptUser';
      readonly userName: string;
      readonly active: boolean;
      readonly resource: ScimResource;
    }
  | {
      readonly type: 'UpdateUser';
      readonly userName: string;
      readonly active: boolean;
      readonly resource: ScimResource;
    }
  | { readonly type: 'DeleteUser' }
  | { readonly type: 'GrantPermission'; readonly permission: string }
  | { readonly type: 'RevokePermission'; readonly permission: string };

export interface UserState {
  readonly status: 'absent' | 'present' | 'deleted';
  readonly userId: string;
  readonly userName: string;
  readonly active: boolean;
  readonly resource: ScimResource;
  /** Whether SCIM manages the user (provisioned by or adopted into SCIM). */
  readonly managedByScim: boolean;
  readonly grants: ReadonlySet<string>;
}

const absent: UserState = {
  status: 'absent',
  userId: '',
  userName: '',
  active: false,
  resource: {},
  managedByScim: false,
  grants: new Set(),
};

export const userDecider: Decider<UserCommand, UserState> = {
  initialState: absent,
  evolve: evolveUser,
  decide: decideUser,
};

function decideUser(command: UserCommand, state: UserState): DomainEvent[] {
  if (command.type === 'ProvisionUser') return provision(command, state);

  const userId = requirePresent(state);
  switch (command.type) {
    case 'AdoptUser':
      return adopt(command, state, userId);
    case 'UpdateUser':
      return update(command, state, userId);
    case 'DeleteUser':
      return [
        { type: 'UserDeleted', data: { userId, userName: state.userName } },
      ];
    case 'GrantPermission':
      return state.grants.has(command.permission)
        ? []
        : [grantEvent('DirectPermissionGranted', userId, command.permission)];
    case 'RevokePermission':
      return state.grants.has(command.permission)
        ? [grantEvent('DirectPermissionRevoked', userId, command.permission)]
        : [];
  }
}

function provision(
  command: Extract<UserCommand, { type: 'ProvisionUser' }>,
  state: UserState,
): DomainEvent[] {
  if (state.status !== 'absent') {
    throw new DomainError('already-exists', `user ${command.userId} exists`);
  }

  const { userId, userName, active, resource, origin } = command;
  return [
    {
      type: 'UserProvisioned',
      data: { userId, userName, origin, active, resource },
    },
  ];
}

function adopt(
  command: Extract<UserCommand, { type: 'AdoptUser' }>,
  state: UserState,
  userId: string,
): DomainEvent[] {
  if (state.managedByScim) {
    throw new DomainError(
      'already-exists',
      `user ${userId} is managed by SCIM`,
    );
  }

  // What the admin entered stays unless SCIM sends the same attribute.
  const { userName, active } = command;
  const resource = { ...state.resource, ...command.resource };
  return [
    { type: 'UserAdopted', data: { userId, userName, active, resource } },
  ];
}

function update(
  command: Extract<UserCommand, { type: 'UpdateUser' }>,
  state: UserState,
  userId: string,
): DomainEvent[] {
  const events: DomainEvent[] = [];

  const { userName, resource } = command;
  if (
    userName !== state.userName ||
    canonicalJson(resource) !== canonicalJson(state.resource)
  ) {
    events.push({
      type: 'UserAttributesChanged',
      data: { userId, userName, resource },
    });
  }

  if (command.active !== state.active) {
    const type = command.active ? 'UserReactivated' : 'UserDeactivated';
    events.push({ type, data: { userId } });
  }
  return events;
}

function requirePresent(state: UserState): string {
  if (state.status === 'absent') {
    throw new DomainError('not-found', 'user not found');
  }
  if (state.status === 'deleted') {
    throw new DomainError('deleted', `user ${state.userId} was deleted`);
  }
  return state.userId;
}

function grantEvent(
  type: 'DirectPermissionGranted' | 'DirectPermissionRevoked',
  userId: string,
  permission: string,
): DomainEvent {
  return { type, data: { userId, permission } };
}

function evolveUser(state: UserState, event: DomainEvent): UserState {
  switch (event.type) {
    case 'UserProvisioned': {
      const { userId, userName, active, resource, origin } = event.data;
      const managedByScim = origin === 'scim';
      return {
        ...state,
        status: 'present',
        userId,
        userName,
        active,
        resource,
        managedByScim,
      };
    }
    case 'UserAdopted':
    case 'UserAttributesChanged': {
      const { userName, resource } = event.data;
      const active =
        event.type === 'UserAdopted' ? event.data.active : state.active;
      return { ...state, userName, resource, active, managedByScim: true };
    }
    case 'UserDeactivated':
      return { ...state, active: false };
    case 'UserReactivated':
      return { ...state, active: true };
    case 'UserDeleted':
      return { ...state, status: 'deleted', active: false };
    case 'DirectPermissionGranted':
      return {
        ...state,
        grants: new Set([...state.grants, event.data.permission]),
      };
    case 'DirectPermissionRevoked': {
      const grants = new Set(state.grants);
      grants.delete(event.data.permission);
      return { ...state, grants };
    }
    default:
      return state;
  }
}
