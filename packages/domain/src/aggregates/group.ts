import type { Decider } from '../decider';
import { DomainError } from '../domain-error';
import type { DomainEvent } from '../events/catalog';
import type { MemberRef, ScimResource } from '../events/scim-resource';
import { canonicalJson } from '../hash-chain';

export type GroupCommand =
  | {
      readonly type: 'CreateGroup';
      readonly groupId: string;
      readonly displayName: string;
      readonly resource: ScimResource;
      readonly members: readonly MemberRef[];
    }
  | {
      readonly type: 'ChangeGroup';
      readonly displayName: string;
      readonly resource: ScimResource;
      readonly added: readonly MemberRef[];
      /** Member ids to remove, or every member. */
      readonly removed: readonly string[] | 'all';
    }
  | { readonly type: 'DeleteGroup' };

export interface GroupState {
  readonly status: 'absent' | 'present' | 'deleted';
  readonly groupId: string;
  readonly displayName: string;
  readonly resource: ScimResource;
  readonly members: ReadonlyMap<string, MemberRef>;
}

const absent: GroupState = {
  status: 'absent',
  groupId: '',
  displayName: '',
  resource: {},
  members: new Map(),
};

export const groupDecider: Decider<GroupCommand, GroupState> = {
  initialState: absent,
  evolve: evolveGroup,
  decide: decideGroup,
};

function decideGroup(command: GroupCommand, state: GroupState): DomainEvent[] {
  if (command.type === 'CreateGroup') return create(command, state);

  requirePresent(state);
  if (command.type === 'DeleteGroup') {
    const { groupId, displayName } = state;
    return [{ type: 'GroupDeleted', data: { groupId, displayName } }];
  }
  return change(command, state);
}

function create(
  command: Extract<GroupCommand, { type: 'CreateGroup' }>,
  state: GroupState,
): DomainEvent[] {
  if (state.status !== 'absent') {
    throw new DomainError('already-exists', `group ${command.groupId} exists`);
  }

  const { groupId, displayName, resource } = command;
  const created: DomainEvent = {
    type: 'GroupCreated',
    data: { groupId, displayName, resource },
  };
  const added = distinctMembers(command.members, new Map());
  return added.length === 0
    ? [created]
    : [created, membershipChanged(groupId, added, [])];
}

function change(
  command: Extract<GroupCommand, { type: 'ChangeGroup' }>,
  state: GroupState,
): DomainEvent[] {
  const { groupId } = state;
  const events: DomainEvent[] = [];

  if (command.displayName !== state.displayName) {
    const previousDisplayName = state.displayName;
    const { displayName } = command;
    events.push({
      type: 'GroupRenamed',
      data: { groupId, previousDisplayName, displayName },
    });
  }

  if (canonicalJson(command.resource) !== canonicalJson(state.resource)) {
    const { resource } = command;
    events.push({
      type: 'GroupAttributesChanged',
      data: { groupId, resource },
    });
  }

  const removed = removedMembers(command.removed, state.members);
  const remaining = new Map(state.members);
  removed.forEach((id) => remaining.delete(id));
  const added = distinctMembers(command.added, remaining);
  if (added.length > 0 || removed.length > 0) {
    events.push(membershipChanged(groupId, added, removed));
  }
  return events;
}

function removedMembers(
  removed: readonly string[] | 'all',
  members: ReadonlyMap<string, MemberRef>,
): string[] {
  if (removed === 'all') return [...members.keys()];
  return [...new Set(removed)].filter((id) => members.has(id));
}

function distinctMembers(
  candidates: readonly MemberRef[],
  present: ReadonlyMap<string, MemberRef>,
): MemberRef[] {
  const added = new Map<string, MemberRef>();
  for (const member of candidates) {
    if (!present.has(member.value)) added.set(member.value, member);
  }
  return [...added.values()];
}

function membershipChanged(
  groupId: string,
  added: MemberRef[],
  removed: string[],
): DomainEvent {
  return { type: 'GroupMembershipChanged', data: { groupId, added, removed } };
}

function requirePresent(state: GroupState): void {
  if (state.status === 'absent') {
    throw new DomainError('not-found', 'group not found');
  }
  if (state.status === 'deleted') {
    throw new DomainError('deleted', `group ${state.groupId} was deleted`);
  }
}

function evolveGroup(state: GroupState, event: DomainEvent): GroupState {
  switch (event.type) {
    case 'GroupCreated': {
      const { groupId, displayName, resource } = event.data;
      const members = new Map<string, MemberRef>();
      return {
        ...state,
        status: 'present',
        groupId,
        displayName,
        resource,
        members,
      };
    }
    case 'GroupRenamed':
      return { ...state, displayName: event.data.displayName };
    case 'GroupAttributesChanged':
      return { ...state, resource: event.data.resource };
    case 'GroupMembershipChanged':
      return { ...state, members: applyMembership(state.members, event.data) };
    case 'GroupDeleted':
      return { ...state, status: 'deleted', members: new Map() };
    default:
      return state;
  }
}

/**
 * Updates the member map in place. A fold only ever keeps the newest state
 * and GroupCreated starts a fresh map, so no older state can see the
 * change; copying 100,000 members per event would make loading quadratic.
 */
function applyMembership(
  members: ReadonlyMap<string, MemberRef>,
  change: { added: MemberRef[]; removed: string[] },
): ReadonlyMap<string, MemberRef> {
  const owned = members as Map<string, MemberRef>;
  change.removed.forEach((id) => owned.delete(id));
  change.added.forEach((member) => owned.set(member.value, member));
  return owned;
}
