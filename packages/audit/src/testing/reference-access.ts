import type { MappingSource } from '@roster/domain';
import type { HistoryOperation } from './history-operation';

/**
 * Permissions at an instant, from the operations themselves (not their
 * events), written as plainly as possible: `permission -> sorted source
 * keys` of a user.
 */
export function referenceAccess(
  operations: readonly HistoryOperation[],
  tenantId: string,
  userId: string,
  at: Date,
): Map<string, string[]> {
  const past = operations.filter((o) => o.tenantId === tenantId && o.at <= at);
  const users = new Map<
    string,
    { active: boolean; roles: string[]; grants: Set<string> }
  >();
  const groups = new Map<
    string,
    { name: string; members: Map<string, string> }
  >();
  const roles = new Map<string, string[]>();
  const mappings = new Map<string, { role: string; source: MappingSource }>();

  for (const o of past) {
    if (o.kind === 'createUser')
      users.set(o.userId, { active: true, roles: o.roles, grants: new Set() });
    const user = 'userId' in o ? users.get(o.userId) : undefined;
    if (o.kind === 'setRoles' && user) user.roles = o.roles;
    if (o.kind === 'setActive' && user) user.active = o.active;
    if (o.kind === 'deleteUser') users.delete(o.userId);
    if (o.kind === 'grant' && user) {
      if (o.granted) user.grants.add(o.permission);
      else user.grants.delete(o.permission);
    }
    if (o.kind === 'createGroup')
      groups.set(o.groupId, { name: o.name, members: new Map() });
    const group = 'groupId' in o ? groups.get(o.groupId) : undefined;
    if (o.kind === 'rename' && group) group.name = o.name;
    if (o.kind === 'members' && group) {
      o.removed.forEach((id) => group.members.delete(id));
      o.added.forEach((m) => group.members.set(m.value, m.type));
    }
    if (o.kind === 'deleteGroup') {
      groups.delete(o.groupId);
      for (const other of groups.values()) other.members.delete(o.groupId);
    }
    if (o.kind === 'defineRole') roles.set(o.role, o.permissions);
    if (o.kind === 'removeRole') {
      roles.delete(o.role);
      for (const [id, m] of mappings)
        if (m.role === o.role) mappings.delete(id);
    }
    if (o.kind === 'map' && !mappings.has(o.mappingId))
      mappings.set(o.mappingId, o);
    if (o.kind === 'unmap') mappings.delete(o.mappingId);
  }

  const user = users.get(userId);
  const result = new Map<string, Set<string>>();
  if (!user?.active) return new Map();
  const add = (permissions: readonly string[], key: string) => {
    for (const p of permissions)
      result.set(p, (result.get(p) ?? new Set()).add(key));
  };
  add([...user.grants], 'direct');

  // Fixpoint: every group containing the user or a reached group.
  const reached = new Set<string>();
  for (let grew = true; grew;) {
    grew = false;
    for (const [id, g] of groups) {
      if (reached.has(id)) continue;
      const hit =
        g.members.get(userId) === 'User' ||
        [...reached].some((r) => g.members.get(r) === 'Group');
      if (!hit) continue;
      reached.add(id);
      grew = true;
    }
  }
  for (const { role, source } of mappings.values()) {
    const permissions = roles.get(role) ?? [];
    if (source.kind === 'scimRole' && user.roles.includes(source.value))
      add(permissions, `scimRole|${role}|${source.value}`);
    for (const id of reached) {
      const name = groups.get(id)?.name.toLowerCase();
      const byId = source.kind === 'group' && source.groupId === id;
      const byName =
        source.kind === 'groupDisplayName' &&
        source.displayName.toLowerCase() === name;
      if (byId || byName) add(permissions, `group|${role}|${id}`);
    }
  }
  return new Map([...result].map(([p, keys]) => [p, [...keys].sort()]));
}
