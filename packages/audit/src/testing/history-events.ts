import type { DomainEvent } from '@roster/domain';
import { streams } from '@roster/ledger';
import type { HistoryOperation } from './history-operation';

/** The stream an operation writes to and the events it writes. */
export function eventsOf(o: HistoryOperation): {
  stream: string;
  events: DomainEvent[];
} {
  const t = o.tenantId;
  switch (o.kind) {
    case 'createUser':
      return at(streams.user(t, o.userId), {
        type: 'UserProvisioned',
        data: {
          userId: o.userId,
          userName: o.userName,
          origin: 'scim',
          active: true,
          resource: resourceOf(o.userName, o.roles),
        },
      });
    case 'setRoles':
      return at(streams.user(t, o.userId), {
        type: 'UserAttributesChanged',
        data: {
          userId: o.userId,
          userName: `${o.userId}@example.com`,
          resource: resourceOf(`${o.userId}@example.com`, o.roles),
        },
      });
    case 'setActive':
      return at(streams.user(t, o.userId), {
        type: o.active ? 'UserReactivated' : 'UserDeactivated',
        data: { userId: o.userId },
      });
    case 'deleteUser':
      return at(streams.user(t, o.userId), {
        type: 'UserDeleted',
        data: { userId: o.userId, userName: `${o.userId}@example.com` },
      });
    case 'grant':
      return at(streams.user(t, o.userId), {
        type: o.granted ? 'DirectPermissionGranted' : 'DirectPermissionRevoked',
        data: { userId: o.userId, permission: o.permission },
      });
    case 'createGroup':
      return at(streams.group(t, o.groupId), {
        type: 'GroupCreated',
        data: {
          groupId: o.groupId,
          displayName: o.name,
          resource: { displayName: o.name },
        },
      });
    case 'rename':
      return at(streams.group(t, o.groupId), {
        type: 'GroupRenamed',
        data: {
          groupId: o.groupId,
          previousDisplayName: o.previous,
          displayName: o.name,
        },
      });
    case 'members':
      return at(streams.group(t, o.groupId), {
        type: 'GroupMembershipChanged',
        data: { groupId: o.groupId, added: o.added, removed: o.removed },
      });
    case 'deleteGroup':
      return at(streams.group(t, o.groupId), {
        type: 'GroupDeleted',
        data: { groupId: o.groupId, displayName: o.name },
      });
    case 'defineRole':
      return at(streams.roles(t), {
        type: 'RoleDefined',
        data: { role: o.role, permissions: o.permissions },
      });
    case 'removeRole':
      return at(streams.roles(t), {
        type: 'RoleRemoved',
        data: { role: o.role },
      });
    case 'map':
      return at(streams.roles(t), {
        type: 'RoleMapped',
        data: { mappingId: o.mappingId, role: o.role, source: o.source },
      });
    case 'unmap':
      return at(streams.roles(t), {
        type: 'RoleUnmapped',
        data: { mappingId: o.mappingId },
      });
  }
}

function at(stream: string, event: DomainEvent) {
  return { stream, events: [event] };
}

/** A user resource with personal attributes, as an IdP sends it. */
export function resourceOf(userName: string, roles: readonly string[]) {
  const [given = 'x'] = userName.split('@');
  return {
    userName,
    name: { givenName: given, familyName: 'Example' },
    emails: [{ value: userName, type: 'work', primary: true }],
    phoneNumbers: [{ value: '+44 20 7946 0000', type: 'work' }],
    roles: roles.map((value) => ({ value })),
  };
}
