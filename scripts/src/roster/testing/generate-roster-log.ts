import { createHash } from 'node:crypto';
import type { DomainEvent } from '../../../../packages/domain/src/index';
import type { AppendRequest } from '../../../../packages/event-store/src/index';
import { streams } from '../../../../packages/ledger/src/index';
import { envelope } from '../../../../packages/projection-runtime/src/testing/index';

export interface RosterLogShape {
  readonly seed: number;
  /** Events in all (the result passes it by less than one burst). */
  readonly events: number;
  readonly tenants: number;
  /** Events per append: one stream's burst of history. Default 25. */
  readonly burst?: number;
}

/**
 * A valid, deterministic log for every projection, written as large
 * multi-event appends: each tenant is created with a token, roles and
 * mappings (by group id, group name and SCIM role); then bursts of one
 * stream each: a user provisioned or changed, deactivated, reactivated,
 * granted permissions and sometimes deleted; a group created, renamed and
 * given or relieved of members; roles redefined, mapped and unmapped.
 * Expected revisions are exact; `occurredAt` rises in log order.
 */
export function generateRosterLog(shape: RosterLogShape): AppendRequest[] {
  const random = seeded(shape.seed);
  const burst = shape.burst ?? 25;
  const tenants = Array.from(
    { length: shape.tenants },
    (_, i) => new TenantHistory(`gen${shape.seed}t${i}`, random),
  );

  const log = tenants.flatMap((tenant) => tenant.setUp());
  let count = log.reduce((sum, request) => sum + request.events.length, 0);
  while (count < shape.events) {
    const tenant = tenants[Math.floor(random() * tenants.length)]!;
    const request = tenant.burst(burst);
    log.push(request);
    count += request.events.length;
  }
  return inLogOrderTime(log);
}

class TenantHistory {
  readonly #revisions = new Map<string, number>();
  readonly #users: string[] = [];
  readonly #groups = new Map<string, Set<string>>();
  #next = 0;
  #mappings = 0;

  constructor(
    readonly id: string,
    private readonly random: () => number,
  ) {}

  setUp(): AppendRequest[] {
    const tokenHash = createHash('sha256').update(this.id).digest('hex');
    return [
      this.#append(streams.tenant(this.id), [
        { type: 'TenantCreated', data: { tenantId: this.id, name: this.id } },
        {
          type: 'ScimTokenIssued',
          data: { tokenId: `tok-${this.id}`, tokenHash },
        },
      ]),
      this.#append(streams.roles(this.id), [
        role('reader', ['docs:read']),
        role('writer', ['docs:read', 'docs:write']),
        role('admin', ['docs:*', 'users:manage']),
        this.#map('reader', { kind: 'group', groupId: 'g1' }),
        this.#map('writer', { kind: 'groupDisplayName', displayName: 'G g4' }),
        this.#map('admin', { kind: 'scimRole', value: 'boss' }),
      ]),
    ];
  }

  /** One append of about `size` events to one stream of the tenant. */
  burst(size: number): AppendRequest {
    const roll = this.random();
    if (roll < 0.45 || this.#users.length < 5) return this.#userBurst(size);
    if (roll < 0.93) return this.#groupBurst(size);
    return this.#roleBurst();
  }

  #userBurst(size: number): AppendRequest {
    const known = this.random() < 0.5 ? this.#pick(this.#users) : undefined;
    const userId = known ?? `u${this.#next++}`;
    const events: DomainEvent[] = known ? [] : [this.#provisioned(userId)];
    let active = true;

    while (events.length < size) {
      const roll = this.random();
      if (roll < 0.5) events.push(this.#changed(userId));
      else if (roll < 0.8) {
        active = !active;
        const type = active ? 'UserReactivated' : 'UserDeactivated';
        events.push({ type, data: { userId } });
      } else {
        const permission = `p${Math.floor(this.random() * 9)}`;
        events.push({
          type: 'DirectPermissionGranted',
          data: { userId, permission },
        });
      }
    }
    if (!known) this.#users.push(userId);
    else if (this.random() < 0.1) events.push(this.#deleted(userId));
    return this.#append(streams.user(this.id, userId), events);
  }

  #groupBurst(size: number): AppendRequest {
    const known = this.#pick([...this.#groups.keys()]);
    const groupId = known && this.random() < 0.7 ? known : `g${this.#next++}`;
    const events: DomainEvent[] = [];
    if (!this.#groups.has(groupId)) {
      this.#groups.set(groupId, new Set());
      const displayName = `G ${groupId}`;
      events.push({
        type: 'GroupCreated',
        data: { groupId, displayName, resource: { displayName } },
      });
    }

    while (events.length < size) {
      events.push(
        this.random() < 0.1
          ? this.#renamed(groupId)
          : this.#membersChanged(groupId),
      );
    }
    return this.#append(streams.group(this.id, groupId), events);
  }

  #roleBurst(): AppendRequest {
    const group = this.#pick([...this.#groups.keys()]) ?? 'g0';
    const extra = `p${Math.floor(this.random() * 9)}`;
    return this.#append(streams.roles(this.id), [
      role('reader', ['docs:read', extra]),
      this.#map('writer', { kind: 'group', groupId: group }),
      { type: 'RoleUnmapped', data: { mappingId: `m${this.#mappings - 2}` } },
    ]);
  }

  #provisioned(userId: string): DomainEvent {
    const userName = `user.${userId}@${this.id}.example`;
    return {
      type: 'UserProvisioned',
      data: {
        userId,
        userName,
        origin: 'scim',
        active: true,
        resource: this.#resource(userName),
      },
    };
  }

  #changed(userId: string): DomainEvent {
    const userName = `user.${userId}.${this.#next++}@${this.id}.example`;
    return {
      type: 'UserAttributesChanged',
      data: { userId, userName, resource: this.#resource(userName) },
    };
  }

  #deleted(userId: string): DomainEvent {
    this.#users.splice(this.#users.indexOf(userId), 1);
    for (const members of this.#groups.values()) members.delete(userId);
    return { type: 'UserDeleted', data: { userId, userName: 'gone' } };
  }

  #renamed(groupId: string): DomainEvent {
    const displayName = `G ${groupId} ${this.#next++}`;
    return {
      type: 'GroupRenamed',
      data: { groupId, previousDisplayName: 'x', displayName },
    };
  }

  #membersChanged(groupId: string): DomainEvent {
    const members = this.#groups.get(groupId)!;
    const removed = [...members].filter(() => this.random() < 0.1);
    removed.forEach((id) => members.delete(id));
    const candidates = Array.from({ length: 4 }, () => this.#pick(this.#users));
    const added = [...new Set(candidates)].filter(
      (id): id is string => id !== undefined && !members.has(id),
    );
    added.forEach((id) => members.add(id));

    return {
      type: 'GroupMembershipChanged',
      data: {
        groupId,
        added: added.map((value) => ({ value, type: 'User' as const })),
        removed,
      },
    };
  }

  #resource(userName: string): Record<string, unknown> {
    const roles = this.random() < 0.2 ? [{ value: 'boss' }] : [];
    return {
      userName,
      displayName: `Person ${Math.floor(this.random() * 1e4)}`,
      emails: [{ value: userName, type: 'work', primary: true }],
      roles,
    };
  }

  #map(
    roleName: string,
    source: Extract<DomainEvent, { type: 'RoleMapped' }>['data']['source'],
  ): DomainEvent {
    this.#mappings += 1;
    const mappingId = `m${this.#mappings}`;
    return { type: 'RoleMapped', data: { mappingId, role: roleName, source } };
  }

  #pick<T>(items: readonly T[]): T | undefined {
    return items[Math.floor(this.random() * items.length)];
  }

  #append(stream: string, events: DomainEvent[]): AppendRequest {
    const last = this.#revisions.get(stream);
    this.#revisions.set(stream, (last ?? -1) + events.length);
    return {
      stream,
      events: events.map((event) => envelope(this.id, event)),
      expected: last ?? 'no-stream',
    };
  }
}

function role(name: string, permissions: string[]): DomainEvent {
  return { type: 'RoleDefined', data: { role: name, permissions } };
}

/** Stamps `occurredAt` one millisecond apart in log order, as one clock would. */
function inLogOrderTime(log: readonly AppendRequest[]): AppendRequest[] {
  let at = Date.parse('2026-01-01T00:00:00Z');
  return log.map((request) => ({
    ...request,
    events: request.events.map((event) => ({
      ...event,
      metadata: { ...event.metadata, occurredAt: new Date(at++).toISOString() },
    })),
  }));
}

/** A small deterministic generator (xorshift32) in [0, 1). */
function seeded(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4294967296;
  };
}
