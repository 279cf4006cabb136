import type { DomainEvent, MemberRef } from '@roster/domain';
import type { ParsedEvent } from '@roster/projection-runtime';

const PERMISSIONS = ['p0', 'p1', 'p2', 'p3'];
const ROLES = ['r0', 'r1', 'r2'];
const VALUES = ['v0', 'v1'];
const NAMES = ['Eng', 'ENG', 'Ops', 'Sales'];

export interface RandomLogShape {
  readonly seed: number;
  readonly events: number;
  readonly tenants: number;
  /** Distinct users per tenant; few make events collide on a user. */
  readonly users: number;
  /** Chance that an event shares the previous event's time. */
  readonly tie: number;
}

/**
 * A random log of permission-relevant events of a few interleaved
 * tenants, as a projection receives it. It need not be a history the
 * ledger would accept: the projection must cope with any order.
 */
export function randomPermissionEvents(shape: RandomLogShape): ParsedEvent[] {
  const random = mulberry32(shape.seed);
  const pick = <T>(items: readonly T[]): T =>
    items[Math.floor(random() * items.length)] as T;
  const some = <T>(items: readonly T[]): T[] =>
    items.filter(() => random() < 0.4);
  const tenants = Array.from({ length: shape.tenants }, (_, i) => `rt${i}`);
  const users = Array.from({ length: shape.users }, (_, i) => `u${i}`);
  const groups = ['g0', 'g1', 'g2', 'g3', 'g4'];
  const mappings = ['m0', 'm1', 'm2', 'm3', 'm4', 'm5'];

  const member = (): MemberRef =>
    random() < 0.75
      ? { value: pick(users), type: 'User' }
      : { value: pick(groups), type: 'Group' };
  const resource = (userName: string) => ({
    userName,
    roles: some(VALUES).map((value) => ({ value })),
  });

  const next = (): DomainEvent => {
    const roll = random();
    const userId = pick(users);
    const groupId = pick(groups);
    const userName = `${userId}@example.com`;
    if (roll < 0.16) {
      const active = random() < 0.85;
      const data = { userId, userName, active, resource: resource(userName) };
      return random() < 0.8
        ? { type: 'UserProvisioned', data: { ...data, origin: 'scim' } }
        : { type: 'UserAdopted', data };
    }
    if (roll < 0.24) {
      const data = { userId, userName, resource: resource(userName) };
      return { type: 'UserAttributesChanged', data };
    }
    if (roll < 0.32) return { type: 'UserDeactivated', data: { userId } };
    if (roll < 0.38) return { type: 'UserReactivated', data: { userId } };
    if (roll < 0.4) return { type: 'UserDeleted', data: { userId, userName } };
    if (roll < 0.52) {
      const data = { userId, permission: pick(PERMISSIONS) };
      return random() < 0.65
        ? { type: 'DirectPermissionGranted', data }
        : { type: 'DirectPermissionRevoked', data };
    }
    if (roll < 0.56) {
      const displayName = pick(NAMES);
      const data = { groupId, displayName, resource: { displayName } };
      return { type: 'GroupCreated', data };
    }
    if (roll < 0.59) {
      const data = {
        groupId,
        previousDisplayName: 'x',
        displayName: pick(NAMES),
      };
      return { type: 'GroupRenamed', data };
    }
    if (roll < 0.74) {
      const added = random() < 0.7 ? [member(), member()] : [];
      const removed = random() < 0.5 ? [pick([...users, ...groups])] : [];
      const unique = [...new Map(added.map((m) => [m.value, m])).values()];
      const data = { groupId, added: unique, removed };
      return { type: 'GroupMembershipChanged', data };
    }
    if (roll < 0.76) {
      return { type: 'GroupDeleted', data: { groupId, displayName: 'x' } };
    }
    if (roll < 0.84) {
      const data = { role: pick(ROLES), permissions: some(PERMISSIONS) };
      return { type: 'RoleDefined', data };
    }
    if (roll < 0.85)
      return { type: 'RoleRemoved', data: { role: pick(ROLES) } };
    if (roll < 0.95) {
      const kind = random();
      const source =
        kind < 0.4
          ? { kind: 'group' as const, groupId }
          : kind < 0.75
            ? { kind: 'groupDisplayName' as const, displayName: pick(NAMES) }
            : { kind: 'scimRole' as const, value: pick(VALUES) };
      const data = { mappingId: pick(mappings), role: pick(ROLES), source };
      return { type: 'RoleMapped', data };
    }
    return { type: 'RoleUnmapped', data: { mappingId: pick(mappings) } };
  };

  const events: ParsedEvent[] = [];
  let time = Date.parse('2026-06-01T00:00:00.000Z');
  for (let index = 0; index < shape.events; index += 1) {
    if (random() >= shape.tie) time += 1000;
    const tenantId = pick(tenants);
    events.push(parsed(tenantId, index, new Date(time), next()));
  }
  return events;
}

function parsed(
  tenantId: string,
  index: number,
  at: Date,
  event: DomainEvent,
): ParsedEvent {
  return {
    ...event,
    id: `e${index}`,
    stream: `tenant:${tenantId}:random`,
    revision: index,
    position: String(index),
    tenantId,
    metadata: { tenantId, occurredAt: at.toISOString() },
    recordedAt: at,
  };
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
