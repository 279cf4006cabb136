import type { Kysely } from 'kysely';
import { INTERVALS_PROJECTION } from '@roster/projection-access-intervals';
import { defineProjection } from '@roster/projection-runtime';
import type {
  ParsedEvent,
  RegisteredProjection,
} from '@roster/projection-runtime';
import { AffectedUsers } from './affected-users';
import { applyGroupEvent } from './apply-group-event';
import { applyRoleEvent } from './apply-role-event';
import { applyUserEvent } from './apply-user-event';
import { instantsOf } from './instants';
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

      for (const instant of instantsOf(events)) {
        const affected = new AffectedUsers();
        for (const event of instant.events) {
          await applyEvent(raw, event, affected);
        }
        const ids = affected.take();
        const result = await recomputeAffected(
          raw,
          instant.tenantId,
          ids,
          instant.at,
        );
        notices.add(instant.tenantId, result);
      }
      await notices.send(raw);
    },
  });

/** Applies one event to the state tables and collects whom it affects. */
async function applyEvent(
  db: Kysely<unknown>,
  event: ParsedEvent,
  affected: AffectedUsers,
): Promise<void> {
  switch (event.type) {
    case 'UserProvisioned':
    case 'UserAdopted':
    case 'UserAttributesChanged':
    case 'UserDeactivated':
    case 'UserReactivated':
    case 'UserDeleted':
    case 'DirectPermissionGranted':
    case 'DirectPermissionRevoked':
      return applyUserEvent(db, event, affected);
    case 'GroupCreated':
    case 'GroupRenamed':
    case 'GroupMembershipChanged':
    case 'GroupDeleted':
      return applyGroupEvent(db, event, affected);
    case 'RoleDefined':
    case 'RoleRemoved':
    case 'RoleMapped':
    case 'RoleUnmapped':
      return applyRoleEvent(db, event, affected);
    default:
      return;
  }
}
