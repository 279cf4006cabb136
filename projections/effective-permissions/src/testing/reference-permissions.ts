import type { MappingSource, MemberRef } from '@roster/domain';
import type { PermissionSource } from '../effective-permissions-tables';

interface RefUser {
  active: boolean;
  deleted: boolean;
  scimRoles: Set<string>;
  grants: Set<string>;
}

interface RefGroup {
  name: string;
  members: Map<string, MemberRef['type']>;
}

/**
 * An in-memory model of effective permissions, written as plainly as
 * possible: the reference the projection is compared with.
 */
export class ReferencePermissions {
  readonly users = new Map<string, RefUser>();
  readonly groups = new Map<string, RefGroup>();
  readonly roles = new Map<string, Set<string>>();
  readonly mappings = new Map<
    string,
    { role: string; source: MappingSource }
  >();

  addUser(userId: string, scimRoles: readonly string[] = []): void {
    const user = { active: true, deleted: false, grants: new Set<string>() };
    this.users.set(userId, { ...user, scimRoles: new Set(scimRoles) });
  }

  deleteGroup(groupId: string): void {
    this.groups.delete(groupId);
    for (const group of this.groups.values()) group.members.delete(groupId);
  }

  removeRole(role: string): void {
    this.roles.delete(role);
    for (const [id, mapping] of this.mappings) {
      if (mapping.role === role) this.mappings.delete(id);
    }
  }

  /** Sources of every permission of a user, as sorted JSON strings. */
  sourcesOf(userId: string): Map<string, string[]> {
    const user = this.users.get(userId);
    const result = new Map<string, Set<string>>();
    if (!user || !user.active || user.deleted) return new Map();

    const add = (permission: string, source: PermissionSource) => {
      const set = result.get(permission) ?? new Set<string>();
      result.set(permission, set.add(JSON.stringify(source)));
    };
    user.grants.forEach((p) => add(p, { kind: 'direct' }));
    for (const [role, source] of this.roleSources(userId, user)) {
      this.roles.get(role)?.forEach((p) => add(p, source));
    }
    return new Map([...result].map(([p, s]) => [p, [...s].sort()]));
  }

  private roleSources(
    userId: string,
    user: RefUser,
  ): [string, PermissionSource][] {
    const reached = this.reachedGroups(userId);
    const found: [string, PermissionSource][] = [];

    for (const { role, source } of this.mappings.values()) {
      if (source.kind === 'scimRole' && user.scimRoles.has(source.value)) {
        found.push([role, { kind: 'scimRole', role, value: source.value }]);
      }
      for (const groupId of reached) {
        const name = this.groups.get(groupId)?.name.toLowerCase();
        const hit =
          (source.kind === 'group' && source.groupId === groupId) ||
          (source.kind === 'groupDisplayName' &&
            source.displayName.toLowerCase() === name);
        if (hit) found.push([role, { kind: 'group', role, groupId }]);
      }
    }
    return found;
  }

  /** Every existing group the user is in, directly or through nesting. */
  private reachedGroups(userId: string): Set<string> {
    const reached = new Set<string>();
    let frontier: [string, MemberRef['type']][] = [[userId, 'User']];

    while (frontier.length > 0) {
      const next: [string, MemberRef['type']][] = [];
      for (const [groupId, group] of this.groups) {
        if (reached.has(groupId)) continue;
        const contains = frontier.some(
          ([id, type]) => group.members.get(id) === type,
        );
        if (contains) {
          reached.add(groupId);
          next.push([groupId, 'Group']);
        }
      }
      frontier = next;
    }
    return reached;
  }
}
