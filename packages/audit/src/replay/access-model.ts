import type { DomainEvent, MappingSource, MemberRef } from '@roster/domain';
import {
  sourceKey,
  type HeldPermission,
  type PermissionSource,
} from './permission-source';
import { scimRoleValues } from '@roster/domain';

interface ModelUser {
  active: boolean;
  deleted: boolean;
  scimRoles: string[];
  grants: Set<string>;
}

interface ModelGroup {
  nameKey: string;
  members: Map<string, MemberRef['type']>;
}

/**
 * A tenant's access state folded from its events, in memory: users,
 * groups with nested membership (cycles allowed), roles, mappings and
 * direct grants. No permissions while a user is inactive or deleted.
 */
export class AccessModel {
  private readonly users = new Map<string, ModelUser>();
  private readonly groups = new Map<string, ModelGroup>();
  /** Groups by member id: the reverse edges that nesting walks. */
  private readonly memberOf = new Map<string, Set<string>>();
  private readonly roles = new Map<string, string[]>();
  private readonly mappings = new Map<
    string,
    { role: string; source: MappingSource }
  >();

  apply(event: DomainEvent): void {
    switch (event.type) {
      case 'UserProvisioned':
      case 'UserAdopted':
        return this.setUser(
          event.data.userId,
          event.data.active,
          event.data.resource,
        );
      case 'UserAttributesChanged':
        return this.setRoles(event.data.userId, event.data.resource);
      case 'UserDeactivated':
      case 'UserReactivated':
        return this.setActive(
          event.data.userId,
          event.type === 'UserReactivated',
        );
      case 'UserDeleted':
        return this.deleteUser(event.data.userId);
      case 'DirectPermissionGranted':
        this.userOf(event.data.userId).grants.add(event.data.permission);
        return;
      case 'DirectPermissionRevoked':
        this.userOf(event.data.userId).grants.delete(event.data.permission);
        return;
      default:
        return this.applyGroupOrRole(event);
    }
  }

  /** A user's permissions now, sorted by name, sources by key. */
  permissionsOf(userId: string): HeldPermission[] {
    const user = this.users.get(userId);
    if (!user || !user.active || user.deleted) return [];

    const held = new Map<string, Map<string, PermissionSource>>();
    const add = (permission: string, source: PermissionSource) => {
      const sources =
        held.get(permission) ?? new Map<string, PermissionSource>();
      held.set(permission, sources.set(sourceKey(source), source));
    };
    for (const permission of user.grants) add(permission, { kind: 'direct' });
    for (const [role, source] of this.roleSources(userId, user)) {
      for (const permission of this.roles.get(role) ?? [])
        add(permission, source);
    }

    return [...held.entries()]
      .sort(([a], [b]) => compare(a, b))
      .map(([permission, sources]) => ({
        permission,
        sources: [...sources.entries()]
          .sort(([a], [b]) => compare(a, b))
          .map(([, source]) => source),
      }));
  }

  /** Whether the user exists and is active (not deleted). */
  statusOf(userId: string): { known: boolean; active: boolean } {
    const user = this.users.get(userId);
    return {
      known: user !== undefined,
      active: Boolean(user?.active && !user.deleted),
    };
  }

  private applyGroupOrRole(event: DomainEvent): void {
    switch (event.type) {
      case 'GroupCreated':
      case 'GroupRenamed':
        this.groupOf(event.data.groupId).nameKey =
          event.data.displayName.toLowerCase();
        return;
      case 'GroupMembershipChanged':
        return this.changeMembers(
          event.data.groupId,
          event.data.added,
          event.data.removed,
        );
      case 'GroupDeleted':
        return this.deleteGroup(event.data.groupId);
      case 'RoleDefined':
        this.roles.set(event.data.role, [...new Set(event.data.permissions)]);
        return;
      case 'RoleRemoved':
        return this.removeRole(event.data.role);
      case 'RoleMapped':
        if (!this.mappings.has(event.data.mappingId)) {
          this.mappings.set(event.data.mappingId, event.data);
        }
        return;
      case 'RoleUnmapped':
        this.mappings.delete(event.data.mappingId);
        return;
      default:
        return;
    }
  }

  private setUser(
    userId: string,
    active: boolean,
    resource: Record<string, unknown>,
  ): void {
    const user = this.userOf(userId);
    user.active = active;
    user.deleted = false;
    user.scimRoles = scimRoleValues(resource);
  }

  private setRoles(userId: string, resource: Record<string, unknown>): void {
    this.userOf(userId).scimRoles = scimRoleValues(resource);
  }

  private setActive(userId: string, active: boolean): void {
    this.userOf(userId).active = active;
  }

  private deleteUser(userId: string): void {
    const user = this.userOf(userId);
    user.active = false;
    user.deleted = true;
  }

  private userOf(userId: string): ModelUser {
    const found = this.users.get(userId) ?? {
      active: false,
      deleted: false,
      scimRoles: [],
      grants: new Set<string>(),
    };
    this.users.set(userId, found);
    return found;
  }

  private groupOf(groupId: string): ModelGroup {
    const found = this.groups.get(groupId) ?? {
      nameKey: '',
      members: new Map(),
    };
    this.groups.set(groupId, found);
    return found;
  }

  private changeMembers(
    groupId: string,
    added: readonly MemberRef[],
    removed: readonly string[],
  ): void {
    const members = this.memberships(groupId);
    for (const id of removed) {
      members.delete(id);
      this.memberOf.get(id)?.delete(groupId);
    }
    for (const member of added) {
      members.set(member.value, member.type);
      const parents = this.memberOf.get(member.value) ?? new Set<string>();
      this.memberOf.set(member.value, parents.add(groupId));
    }
  }

  /** Edges live apart from groups: a membership may precede its group. */
  private memberships(groupId: string): Map<string, MemberRef['type']> {
    return this.groupOf(groupId).members;
  }

  private deleteGroup(groupId: string): void {
    const group = this.groups.get(groupId);
    for (const memberId of group?.members.keys() ?? []) {
      this.memberOf.get(memberId)?.delete(groupId);
    }
    for (const parentId of this.memberOf.get(groupId) ?? []) {
      this.groups.get(parentId)?.members.delete(groupId);
    }
    this.memberOf.delete(groupId);
    this.groups.delete(groupId);
  }

  private removeRole(role: string): void {
    this.roles.delete(role);
    for (const [id, mapping] of this.mappings) {
      if (mapping.role === role) this.mappings.delete(id);
    }
  }

  private roleSources(
    userId: string,
    user: ModelUser,
  ): [string, PermissionSource][] {
    const found: [string, PermissionSource][] = [];
    const reached = this.reachedGroups(userId);

    for (const { role, source } of this.mappings.values()) {
      if (source.kind === 'scimRole' && user.scimRoles.includes(source.value)) {
        found.push([role, { kind: 'scimRole', role, value: source.value }]);
      }
      if (source.kind === 'scimRole') continue;
      for (const groupId of reached) {
        if (this.mappingHits(source, groupId)) {
          found.push([role, { kind: 'group', role, groupId }]);
        }
      }
    }
    return found;
  }

  private mappingHits(source: MappingSource, groupId: string): boolean {
    if (source.kind === 'group') return source.groupId === groupId;
    if (source.kind !== 'groupDisplayName') return false;
    return (
      this.groups.get(groupId)?.nameKey === source.displayName.toLowerCase()
    );
  }

  /** Groups that hold the user directly or through nesting; cycles end. */
  private reachedGroups(userId: string): Set<string> {
    const reached = new Set<string>();
    const queue = [...this.parentsOf(userId, 'User')];

    for (
      let groupId = queue.pop();
      groupId !== undefined;
      groupId = queue.pop()
    ) {
      if (reached.has(groupId)) continue;
      reached.add(groupId);
      queue.push(...this.parentsOf(groupId, 'Group'));
    }
    return reached;
  }

  private parentsOf(memberId: string, type: MemberRef['type']): string[] {
    const parents = this.memberOf.get(memberId) ?? new Set<string>();
    return [...parents].filter(
      (groupId) => this.groups.get(groupId)?.members.get(memberId) === type,
    );
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
