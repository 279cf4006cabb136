import type { Kysely } from 'kysely';
import type { ParsedEvent } from '@roster/projection-runtime';
import {
  applyGroupEvent,
  usersAffectedByGroupEvent,
  type GroupEvent,
} from './apply-group-event';
import {
  applyRoleEvent,
  roleOf,
  usersOfRole,
  type RoleEvent,
} from './apply-role-event';
import type { Instant } from './instants';
import { PendingUsers } from './pending-users';
import type { NoticeCollector } from './permission-notices';
import { recomputeAffected } from './recompute-affected';
import { recomputeRole } from './recompute-role';
import { UserChanges, type UserEvent } from './user-changes';

/**
 * Applies one tenant's instants in order. Changed users wait in a wave
 * and are recomputed together, each at its instant's time, until an event
 * may affect one of them again; a role or mapping change alone in its
 * instant first recomputes the wave, then only that role's rows.
 */
export class TenantWave {
  readonly #pending = new PendingUsers();
  readonly #userChanges = new UserChanges();

  constructor(
    private readonly db: Kysely<unknown>,
    private readonly tenantId: string,
    private readonly notices: NoticeCollector,
  ) {}

  async apply(instant: Instant): Promise<void> {
    const [only] = instant.events;
    if (instant.events.length === 1 && only && isRoleEvent(only)) {
      return this.#applyRoleAlone(only, instant.at);
    }
    for (const event of instant.events) await this.#applyOne(event, instant);
  }

  /** Recomputes the waiting users, except those of `keep`. */
  async flush(keep?: Instant): Promise<void> {
    await this.#userChanges.write(this.db, this.tenantId);
    const users = this.#pending.takeExcept(keep);
    if (users.length === 0) return;
    const result = await recomputeAffected(this.db, this.tenantId, users);
    this.notices.add(this.tenantId, result);
  }

  async #applyRoleAlone(event: RoleEvent, at: Date): Promise<void> {
    await this.flush();
    const role = await roleOf(this.db, event);

    await applyRoleEvent(this.db, event);
    if (role === undefined) return;
    const result = await recomputeRole(this.db, this.tenantId, role, at);
    this.notices.add(this.tenantId, result);
  }

  async #applyOne(event: ParsedEvent, instant: Instant): Promise<void> {
    if (isRoleEvent(event)) return this.#applyRoleAmongOthers(event, instant);
    if (isGroupEvent(event)) {
      const users = await usersAffectedByGroupEvent(this.db, event);
      if (this.#pending.heldOutside(users, instant)) await this.flush(instant);
      await applyGroupEvent(this.db, event);
      this.#pending.add(users, instant);
      return;
    }
    if (isUserEvent(event)) {
      const users = [event.data.userId];
      if (this.#pending.heldOutside(users, instant)) await this.flush(instant);
      const changes = this.#userChanges;
      if (changes.has(event.data.userId) || changes.full) {
        await changes.write(this.db, this.tenantId);
      }
      changes.add(event);
      this.#pending.add(users, instant);
    }
  }

  /** Users the role reaches before or after the change, recomputed in full. */
  async #applyRoleAmongOthers(event: RoleEvent, instant: Instant) {
    await this.flush(instant);
    const role = await roleOf(this.db, event);
    const before = role ? await usersOfRole(this.db, this.tenantId, role) : [];

    await applyRoleEvent(this.db, event);
    const after = role ? await usersOfRole(this.db, this.tenantId, role) : [];
    this.#pending.add([...before, ...after], instant);
  }
}

const userEvents: ReadonlySet<string> = new Set<UserEvent['type']>([
  'UserProvisioned',
  'UserAdopted',
  'UserAttributesChanged',
  'UserDeactivated',
  'UserReactivated',
  'UserDeleted',
  'DirectPermissionGranted',
  'DirectPermissionRevoked',
]);
const groupEvents: ReadonlySet<string> = new Set<GroupEvent['type']>([
  'GroupCreated',
  'GroupRenamed',
  'GroupMembershipChanged',
  'GroupDeleted',
]);
const roleEvents: ReadonlySet<string> = new Set<RoleEvent['type']>([
  'RoleDefined',
  'RoleRemoved',
  'RoleMapped',
  'RoleUnmapped',
]);

const isUserEvent = (event: ParsedEvent): event is UserEvent =>
  userEvents.has(event.type);
const isGroupEvent = (event: ParsedEvent): event is GroupEvent =>
  groupEvents.has(event.type);
const isRoleEvent = (event: ParsedEvent): event is RoleEvent =>
  roleEvents.has(event.type);
