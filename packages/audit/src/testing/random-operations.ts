import type { MappingSource, MemberRef } from '@roster/domain';
import type { HistoryOperation } from './history-operation';
import type { SeededRandom } from './seeded-random';

const PERMISSIONS = [
  'docs:read',
  'docs:write',
  'billing:read',
  'billing:admin',
  'users:manage',
  'reports:view',
];
const ROLES = ['viewer', 'editor', 'billing', 'admin', 'auditor'];
const GROUP_NAMES = [
  'Engineering',
  'Sales',
  'Finance',
  'Support',
  'Admins',
  'All',
];
const SCIM_ROLES = ['staff', 'manager', 'contractor'];

type Body = HistoryOperation extends infer O
  ? O extends HistoryOperation
    ? Omit<O, 'tenantId' | 'at'>
    : never
  : never;

/**
 * Random but valid operations for one tenant: nothing touches a deleted
 * user or group; nested groups may form cycles.
 */
export function randomOperations(
  random: SeededRandom,
  tenantId: string,
  count: number,
  start: Date,
  stepMs: number,
): HistoryOperation[] {
  const live = {
    users: [] as string[],
    groups: new Map<string, string>(),
    roles: new Set<string>(),
    mappings: [] as string[],
  };
  const actives = new Map<string, boolean>();
  const operations: HistoryOperation[] = [];
  let serial = 0;
  const id = (prefix: string) => `${prefix}-${tenantId}-${(serial += 1)}`;

  const next = (): Body => {
    const roll = random.next();
    if (live.roles.size < 2 || roll < 0.06) {
      const role = random.pick(ROLES);
      live.roles.add(role);
      return {
        kind: 'defineRole',
        role,
        permissions: ROLES.length
          ? PERMISSIONS.filter(() => random.next() < 0.35)
          : [],
      };
    }
    if (roll < 0.1)
      return {
        kind: 'map',
        mappingId: id('m'),
        role: random.pick([...live.roles]),
        source: sourceOf(random, live.groups),
      };
    if (roll < 0.115 && live.mappings.length > 0)
      return { kind: 'unmap', mappingId: random.pick(live.mappings) };
    if (roll < 0.12)
      return { kind: 'removeRole', role: random.pick([...live.roles]) };
    if (live.users.length < 3 || roll < 0.3) {
      const userId = id('u');
      return {
        kind: 'createUser',
        userId,
        userName: `${userId}@example.com`,
        roles: pickSome(random, SCIM_ROLES),
      };
    }
    if (live.groups.size < 2 || roll < 0.36)
      return {
        kind: 'createGroup',
        groupId: id('g'),
        name: random.pick(GROUP_NAMES),
      };
    const userId = random.pick(live.users);
    const groupId = random.pick([...live.groups.keys()]);
    if (roll < 0.55)
      return {
        kind: 'members',
        groupId,
        added: memberPick(random, live.users, [...live.groups.keys()]),
        removed: [],
      };
    if (roll < 0.62)
      return {
        kind: 'members',
        groupId,
        added: [],
        removed: [
          random.pick(
            random.next() < 0.7 ? live.users : [...live.groups.keys()],
          ),
        ],
      };
    if (roll < 0.7)
      return {
        kind: 'grant',
        userId,
        permission: random.pick(PERMISSIONS),
        granted: random.next() < 0.7,
      };
    if (roll < 0.78)
      return {
        kind: 'setActive',
        userId,
        active: !(actives.get(userId) ?? true),
      };
    if (roll < 0.86)
      return { kind: 'setRoles', userId, roles: pickSome(random, SCIM_ROLES) };
    if (roll < 0.9)
      return {
        kind: 'rename',
        groupId,
        name: random.pick(GROUP_NAMES).toUpperCase(),
        previous: live.groups.get(groupId) ?? '',
      };
    if (roll < 0.93) return { kind: 'deleteUser', userId };
    if (roll < 0.95 && live.groups.size > 3)
      return {
        kind: 'deleteGroup',
        groupId,
        name: live.groups.get(groupId) ?? '',
      };
    return {
      kind: 'members',
      groupId,
      added: memberPick(random, live.users, []),
      removed: [],
    };
  };

  for (let index = 0; index < count; index += 1) {
    const body = next();
    const operation = {
      ...body,
      tenantId,
      at: new Date(start.getTime() + index * stepMs),
    } as HistoryOperation;
    track(operation);
    operations.push(operation);
  }
  return operations;

  function track(o: HistoryOperation): void {
    if (o.kind === 'createUser') {
      live.users = [...live.users, o.userId];
      actives.set(o.userId, true);
    }
    if (o.kind === 'setActive') actives.set(o.userId, o.active);
    if (o.kind === 'deleteUser')
      live.users = live.users.filter((u) => u !== o.userId);
    if (o.kind === 'createGroup' || o.kind === 'rename')
      live.groups.set(o.groupId, o.name);
    if (o.kind === 'deleteGroup') live.groups.delete(o.groupId);
    if (o.kind === 'removeRole') live.roles.delete(o.role);
    if (o.kind === 'map') live.mappings.push(o.mappingId);
    if (o.kind === 'unmap')
      live.mappings = live.mappings.filter((m) => m !== o.mappingId);
  }
}

function sourceOf(
  random: SeededRandom,
  groups: Map<string, string>,
): MappingSource {
  const roll = random.next();
  if (roll < 0.35 && groups.size > 0)
    return { kind: 'group', groupId: random.pick([...groups.keys()]) };
  if (roll < 0.7)
    return {
      kind: 'groupDisplayName',
      displayName: random.pick(GROUP_NAMES).toLowerCase(),
    };
  return { kind: 'scimRole', value: random.pick(SCIM_ROLES) };
}

function memberPick(
  random: SeededRandom,
  users: string[],
  groups: string[],
): MemberRef[] {
  const picked = new Map<string, MemberRef>();
  const count = 1 + random.int(3);
  for (let i = 0; i < count; i += 1) {
    const group = groups.length > 0 && random.next() < 0.25;
    const value = random.pick(group ? groups : users);
    picked.set(value, { value, type: group ? 'Group' : 'User' });
  }
  return [...picked.values()];
}

function pickSome(random: SeededRandom, values: readonly string[]): string[] {
  return values.filter(() => random.next() < 0.4);
}
