import type { Kysely } from 'kysely';
import { INTERVALS_PROJECTION } from '@roster/projection-access-intervals';
import { defineProjection } from '@roster/projection-runtime';
import type {
  ParsedEvent,
  RegisteredProjection,
} from '@roster/projection-runtime';
import { clearAffectedSet, openAffectedSet } from './affected-users';
import { applyGroupEvent } from './apply-group-event';
import { applyRoleEvent } from './apply-role-event';
import { applyUserEvent } from './apply-user-event';
import { eventTime } from './event-time';
import { effectivePermissionsMigrations } from './effective-permissions-migrations';
import type { EffectivePermissionsDatabase } from './effective-permissions-tables';
import { NoticeCollector } from './permission-notices';
import { recomputeAffected } from './recompute-affected';

/**
 * Effective permissions per (tenant, user, permission) with their sources,
 * and the access intervals, written together from the same diff.
 */
export const effectivePermissionsProjection: RegisteredProjection =
  defineProjection<EffectivePermissionsDatabase>({
    name: INTERVALS_PROJECTION,
    version: 1,
    // A SCIM write answers only once checks see it (revocation included).
    servesReads: true,
    migrations: effectivePermissionsMigrations,
    async apply(db, events) {
      const raw = db as unknown as Kysely<unknown>;
      const notices = new NoticeCollector();
      await openAffectedSet(raw);

      for (const event of events) {
        if (!(await applyEvent(raw, event))) continue;
        notices.add(
          event.tenantId,
          await recomputeAffected(raw, event.tenantId, eventTime(event)),
        );
        await clearAffectedSet(raw);
      }
      await notices.send(raw);
    },
  });

/** Applies one event to the state tables; false when it concerns none. */
async function applyEvent(
  db: Kysely<unknown>,
  event: ParsedEvent,
): Promise<boolean> {
  switch (event.type) {
    case 'UserProvisioned':
    case 'UserAdopted':
    case 'UserAttributesChanged':
    case 'UserDeactivated':
    case 'UserReactivated':
    case 'UserDeleted':
    case 'DirectPermissionGranted':
    case 'DirectPermissionRevoked':
      await applyUserEvent(db, event);
      return true;
    case 'GroupCreated':
    case 'GroupRenamed':
    case 'GroupMembershipChanged':
    case 'GroupDeleted':
      await applyGroupEvent(db, event);
      return true;
    case 'RoleDefined':
    case 'RoleRemoved':
    case 'RoleMapped':
    case 'RoleUnmapped':
      await applyRoleEvent(db, event);
      return true;
    default:
      return false;
  }
}
