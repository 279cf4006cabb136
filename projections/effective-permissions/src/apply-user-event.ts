import { sql, type Kysely } from 'kysely';
import type { ParsedEvent } from '@roster/projection-runtime';
import type { AffectedUsers } from './affected-users';
import { scimRoleValues } from '@roster/domain';

type UserEvent = Extract<
  ParsedEvent,
  {
    type:
      | 'UserProvisioned'
      | 'UserAdopted'
      | 'UserAttributesChanged'
      | 'UserDeactivated'
      | 'UserReactivated'
      | 'UserDeleted'
      | 'DirectPermissionGranted'
      | 'DirectPermissionRevoked';
  }
>;

/** Updates the user state tables and marks the user. */
export async function applyUserEvent(
  db: Kysely<unknown>,
  event: UserEvent,
  affected: AffectedUsers,
): Promise<void> {
  const t = event.tenantId;
  const { userId } = event.data;

  switch (event.type) {
    case 'UserProvisioned':
    case 'UserAdopted':
      await upsertUser(db, t, userId, event.data.userName, event.data.active);
      await replaceScimRoles(
        db,
        t,
        userId,
        scimRoleValues(event.data.resource),
      );
      break;
    case 'UserAttributesChanged':
      await sql`UPDATE users SET user_name_key = ${nameKey(event.data.userName)}
        WHERE tenant_id = ${t} AND user_id = ${userId}`.execute(db);
      await replaceScimRoles(
        db,
        t,
        userId,
        scimRoleValues(event.data.resource),
      );
      break;
    case 'UserDeactivated':
    case 'UserReactivated':
      await sql`UPDATE users SET active = ${event.type === 'UserReactivated'}
        WHERE tenant_id = ${t} AND user_id = ${userId}`.execute(db);
      break;
    case 'UserDeleted':
      // The userName is personal data that a deleted user no longer needs.
      await sql`UPDATE users SET active = false, deleted = true,
          user_name_key = ''
        WHERE tenant_id = ${t} AND user_id = ${userId}`.execute(db);
      break;
    case 'DirectPermissionGranted':
      await sql`INSERT INTO grants (tenant_id, user_id, permission)
        VALUES (${t}, ${userId}, ${event.data.permission})
        ON CONFLICT DO NOTHING`.execute(db);
      break;
    case 'DirectPermissionRevoked':
      await sql`DELETE FROM grants WHERE tenant_id = ${t}
        AND user_id = ${userId} AND permission = ${event.data.permission}`.execute(
        db,
      );
      break;
  }

  affected.add([userId]);
}

async function upsertUser(
  db: Kysely<unknown>,
  tenantId: string,
  userId: string,
  userName: string,
  active: boolean,
): Promise<void> {
  await sql`INSERT INTO users (tenant_id, user_id, user_name_key, active)
    VALUES (${tenantId}, ${userId}, ${nameKey(userName)}, ${active})
    ON CONFLICT (tenant_id, user_id) DO UPDATE
    SET user_name_key = excluded.user_name_key, active = excluded.active,
      deleted = false`.execute(db);
}

async function replaceScimRoles(
  db: Kysely<unknown>,
  tenantId: string,
  userId: string,
  values: readonly string[],
): Promise<void> {
  await sql`DELETE FROM user_scim_roles
    WHERE tenant_id = ${tenantId} AND user_id = ${userId}
      AND NOT (value = ANY(${[...values]}::text[]))`.execute(db);
  if (values.length === 0) return;

  await sql`INSERT INTO user_scim_roles (tenant_id, user_id, value)
    SELECT ${tenantId}, ${userId}, unnest(${[...values]}::text[])
    ON CONFLICT DO NOTHING`.execute(db);
}

/** userName as checks by name compare it: lower case, like SCIM. */
export function nameKey(userName: string): string {
  return userName.toLowerCase();
}
