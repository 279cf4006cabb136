import type { ScimResource } from '@roster/domain';
import type { ParsedEvent } from '@roster/projection-runtime';

/** The net effect of a batch on one user. */
export interface UserChange {
  readonly tenantId: string;
  readonly id: string;
  /** Set when the batch provisions the user: the row to insert. */
  created?: { at: Date; origin: 'scim' | 'product' };
  userName?: string;
  resource?: ScimResource;
  active?: boolean;
  origin?: 'scim' | 'product';
  version: number;
  lastModified?: Date;
  deleted: boolean;
}

/** A member's net change: removed (at least once) and/or added last. */
export interface MemberDelta {
  removed: boolean;
  added?: { type: 'User' | 'Group'; at: Date };
}

export interface GroupChange {
  readonly tenantId: string;
  readonly id: string;
  created?: { at: Date };
  displayName?: string;
  resource?: ScimResource;
  version: number;
  lastModified?: Date;
  deleted: boolean;
  readonly members: Map<string, MemberDelta>;
}

export interface BatchChanges {
  readonly users: Map<string, UserChange>;
  readonly groups: Map<string, GroupChange>;
}

/**
 * Folds a batch into one net change per user and group, in log order, so
 * the batch is written with a handful of set-based statements.
 */
export function foldBatch(events: readonly ParsedEvent[]): BatchChanges {
  const changes: BatchChanges = { users: new Map(), groups: new Map() };
  for (const event of events) {
    foldUser(changes, event);
    foldGroup(changes, event);
  }
  return changes;
}

function foldUser(changes: BatchChanges, event: ParsedEvent): void {
  if (!event.stream.includes(':user:')) return;
  const change = userChange(changes, event);
  if (!change) return;

  const at = event.recordedAt;
  change.version = event.revision;
  switch (event.type) {
    case 'UserProvisioned':
      change.created = { at, origin: event.data.origin };
      Object.assign(change, scimFields(event.data), {
        origin: event.data.origin,
      });
      break;
    case 'UserAdopted':
      Object.assign(change, scimFields(event.data), { origin: 'scim' });
      break;
    case 'UserAttributesChanged':
      change.userName = event.data.userName;
      change.resource = event.data.resource;
      break;
    case 'UserDeactivated':
    case 'UserReactivated':
      change.active = event.type === 'UserReactivated';
      break;
    case 'UserDeleted':
      change.deleted = true;
      break;
    default:
      return;
  }
  change.lastModified = at;
}

function scimFields(data: {
  userName: string;
  active: boolean;
  resource: ScimResource;
}): Pick<UserChange, 'userName' | 'active' | 'resource'> {
  return {
    userName: data.userName,
    active: data.active,
    resource: data.resource,
  };
}

function userChange(
  changes: BatchChanges,
  event: ParsedEvent,
): UserChange | undefined {
  const data = event.data as { userId?: unknown };
  if (typeof data.userId !== 'string') return undefined;

  const key = `${event.tenantId}\n${data.userId}`;
  let change = changes.users.get(key);
  if (!change) {
    change = {
      tenantId: event.tenantId,
      id: data.userId,
      version: 0,
      deleted: false,
    };
    changes.users.set(key, change);
  }
  return change;
}

function foldGroup(changes: BatchChanges, event: ParsedEvent): void {
  if (!event.stream.includes(':group:')) return;
  const change = groupChange(changes, event);
  if (!change) return;

  const at = event.recordedAt;
  change.version = event.revision;
  change.lastModified = at;
  switch (event.type) {
    case 'GroupCreated':
      change.created = { at };
      change.displayName = event.data.displayName;
      change.resource = event.data.resource;
      break;
    case 'GroupRenamed':
      change.displayName = event.data.displayName;
      break;
    case 'GroupAttributesChanged':
      change.resource = event.data.resource;
      break;
    case 'GroupMembershipChanged':
      foldMembers(change.members, event.data, at);
      break;
    case 'GroupDeleted':
      change.deleted = true;
      change.members.clear();
      break;
    default:
      break;
  }
}

function foldMembers(
  members: Map<string, MemberDelta>,
  data: {
    added: { value: string; type: 'User' | 'Group' }[];
    removed: string[];
  },
  at: Date,
): void {
  for (const id of data.removed) {
    members.set(id, { removed: true });
  }
  for (const member of data.added) {
    const removed = members.get(member.value)?.removed ?? false;
    members.set(member.value, { removed, added: { type: member.type, at } });
  }
}

function groupChange(
  changes: BatchChanges,
  event: ParsedEvent,
): GroupChange | undefined {
  const data = event.data as { groupId?: unknown };
  if (typeof data.groupId !== 'string') return undefined;

  const key = `${event.tenantId}\n${data.groupId}`;
  let change = changes.groups.get(key);
  if (!change) {
    change = {
      tenantId: event.tenantId,
      id: data.groupId,
      version: 0,
      deleted: false,
      members: new Map(),
    };
    changes.groups.set(key, change);
  }
  return change;
}
