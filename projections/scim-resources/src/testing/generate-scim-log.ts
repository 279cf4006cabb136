import type { DomainEvent } from '@roster/domain';
import type { AppendRequest } from '@roster/event-store';
import { streams } from '@roster/ledger';
import { envelope } from '@roster/projection-runtime/testing';

export interface LogShape {
  readonly seed: number;
  /** Events in all (the result may pass it by a few). */
  readonly events: number;
  readonly tenants: number;
}

interface TenantState {
  readonly id: string;
  readonly users: string[];
  readonly inactive: Set<string>;
  readonly groups: Map<string, Set<string>>;
  nextId: number;
}

/**
 * A valid, deterministic SCIM history: users provisioned (some from the
 * product), changed, deactivated and deleted; groups created, renamed,
 * given and relieved of members, deleted. Expected revisions are exact.
 */
export function generateScimLog(shape: LogShape): AppendRequest[] {
  const random = mulberry32(shape.seed);
  const revisions = new Map<string, number>();
  const tenants = Array.from({ length: shape.tenants }, (_, i) => ({
    id: `gen${shape.seed}t${i}`,
    users: [],
    inactive: new Set<string>(),
    groups: new Map<string, Set<string>>(),
    nextId: 0,
  }));

  const requests: AppendRequest[] = [];
  let count = 0;
  const append = (
    tenant: TenantState,
    stream: string,
    events: DomainEvent[],
  ) => {
    const last = revisions.get(stream);
    requests.push({
      stream,
      events: events.map((event) => envelope(tenant.id, event)),
      expected: last ?? 'no-stream',
    });
    revisions.set(stream, (last ?? -1) + events.length);
    count += events.length;
  };

  while (count < shape.events) {
    const tenant = tenants[Math.floor(random() * tenants.length)]!;
    step(tenant, random, append);
  }
  return requests;
}

type Append = (
  tenant: TenantState,
  stream: string,
  events: DomainEvent[],
) => void;

function step(tenant: TenantState, random: () => number, append: Append): void {
  const roll = random();
  const user = pick(tenant.users, random);
  const groupIds = [...tenant.groups.keys()];
  const group = pick(groupIds, random);

  if (roll < 0.4 || !user) return provision(tenant, random, append);
  if (roll < 0.55) return changeUser(tenant, user, random, append);
  if (roll < 0.63) return toggleActive(tenant, user, append);
  if (roll < 0.66) return deleteUser(tenant, user, append);
  if (roll < 0.72 || !group) return createGroup(tenant, random, append);
  if (roll < 0.92) return changeMembers(tenant, group, random, append);
  if (roll < 0.96) {
    const data = {
      groupId: group,
      previousDisplayName: 'x',
      displayName: `G ${group} ${Math.floor(random() * 1e6)}`,
    };
    return append(tenant, streams.group(tenant.id, group), [
      { type: 'GroupRenamed', data },
    ]);
  }
  if (roll < 0.97) return deleteGroup(tenant, group, append);
  append(tenant, streams.user(tenant.id, user), [
    {
      type: 'DirectPermissionGranted',
      data: { userId: user, permission: `p${Math.floor(random() * 9)}` },
    },
  ]);
}

function provision(
  tenant: TenantState,
  random: () => number,
  append: Append,
): void {
  const userId = `u${tenant.nextId++}`;
  const userName = `User.${userId}@${tenant.id}.example`;
  const origin = random() < 0.1 ? 'product' : 'scim';
  tenant.users.push(userId);
  append(tenant, streams.user(tenant.id, userId), [
    {
      type: 'UserProvisioned',
      data: {
        userId,
        userName,
        origin,
        active: true,
        resource: resourceOf(userName, random),
      },
    },
  ]);
}

function changeUser(
  tenant: TenantState,
  userId: string,
  random: () => number,
  append: Append,
): void {
  const userName = `Renamed.${userId}.${Math.floor(random() * 1000)}@${tenant.id}.example`;
  append(tenant, streams.user(tenant.id, userId), [
    {
      type: 'UserAttributesChanged',
      data: { userId, userName, resource: resourceOf(userName, random) },
    },
  ]);
}

function toggleActive(
  tenant: TenantState,
  userId: string,
  append: Append,
): void {
  const inactive = tenant.inactive.has(userId);
  if (inactive) tenant.inactive.delete(userId);
  else tenant.inactive.add(userId);
  const type = inactive ? 'UserReactivated' : 'UserDeactivated';
  append(tenant, streams.user(tenant.id, userId), [{ type, data: { userId } }]);
}

function deleteUser(tenant: TenantState, userId: string, append: Append): void {
  tenant.users.splice(tenant.users.indexOf(userId), 1);
  for (const members of tenant.groups.values()) members.delete(userId);
  append(tenant, streams.user(tenant.id, userId), [
    { type: 'UserDeleted', data: { userId, userName: 'gone' } },
  ]);
}

function createGroup(
  tenant: TenantState,
  random: () => number,
  append: Append,
): void {
  const groupId = `g${tenant.nextId++}`;
  const displayName = `Group ${groupId}`;
  tenant.groups.set(groupId, new Set());
  append(tenant, streams.group(tenant.id, groupId), [
    {
      type: 'GroupCreated',
      data: {
        groupId,
        displayName,
        resource: { displayName, externalId: `ext-${groupId}` },
      },
    },
  ]);
  changeMembers(tenant, groupId, random, append);
}

function changeMembers(
  tenant: TenantState,
  groupId: string,
  random: () => number,
  append: Append,
): void {
  const members = tenant.groups.get(groupId)!;
  const removed = [...members].filter(() => random() < 0.2);
  removed.forEach((id) => members.delete(id));
  const added = Array.from({ length: Math.floor(random() * 12) }, () =>
    pick(tenant.users, random),
  ).filter((id): id is string => id !== undefined && !members.has(id));
  const distinct = [...new Set(added)];
  distinct.forEach((id) => members.add(id));
  if (distinct.length === 0 && removed.length === 0) return;

  append(tenant, streams.group(tenant.id, groupId), [
    {
      type: 'GroupMembershipChanged',
      data: {
        groupId,
        added: distinct.map((value) => ({ value, type: 'User' as const })),
        removed,
      },
    },
  ]);
}

function deleteGroup(
  tenant: TenantState,
  groupId: string,
  append: Append,
): void {
  tenant.groups.delete(groupId);
  append(tenant, streams.group(tenant.id, groupId), [
    { type: 'GroupDeleted', data: { groupId, displayName: 'gone' } },
  ]);
}

function resourceOf(
  userName: string,
  random: () => number,
): Record<string, unknown> {
  return {
    userName,
    externalId: `ext-${Math.floor(random() * 1e9)}`,
    displayName: `Person ${Math.floor(random() * 1e4)}`,
    name: { givenName: 'Pat', familyName: `F${Math.floor(random() * 100)}` },
    emails: [{ value: userName.toUpperCase(), type: 'work', primary: true }],
  };
}

function pick<T>(items: readonly T[], random: () => number): T | undefined {
  return items[Math.floor(random() * items.length)];
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Splits appends into appendMany calls of at most `size` requests, each
 * naming a stream at most once, keeping their order.
 */
export function chunkAppends(
  requests: readonly AppendRequest[],
  size: number,
): AppendRequest[][] {
  const chunks: AppendRequest[][] = [];
  let chunk: AppendRequest[] = [];
  let named = new Set<string>();

  for (const request of requests) {
    if (chunk.length >= size || named.has(request.stream)) {
      chunks.push(chunk);
      chunk = [];
      named = new Set();
    }
    chunk.push(request);
    named.add(request.stream);
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}
