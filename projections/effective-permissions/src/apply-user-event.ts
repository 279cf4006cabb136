import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { ParsedEvent } from '@roster/projection-runtime';
import { scimRoleValues } from '@roster/domain';

export type UserEvent = Extract<
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

/** Updates the user state tables; the event affects its user alone. */
export async function applyUserEvent(
  db: Kysely<unknown>,
  event: UserEvent,
): Promise<void> {
  const t = event.tenantId;
  const { userId } = event.data;

  switch (event.type) {
    case 'UserProvisioned':
    case 'UserAdopted': {
      const { userName, active } = event.data;
      const roles = scimRoleValues(event.data.resource);
      await sql`WITH upserted AS (
          INSERT INTO users (tenant_id, user_id, user_name_key, active)
          VALUES (${t}, ${userId}, ${nameKey(userName)}, ${active})
          ON CONFLICT (tenant_id, user_id) DO UPDATE
          SET user_name_key = excluded.user_name_key,
            active = excluded.active, deleted = false
          RETURNING 1
        ), ${scimRolesReplaced(t, userId, roles)}`.execute(db);
      return;
    }
    case 'UserAttributesChanged': {
      const key = nameKey(event.data.userName);
      const roles = scimRoleValues(event.data.resource);
      await sql`WITH renamed AS (
          UPDATE users SET user_name_key = ${key}
          WHERE tenant_id = ${t} AND user_id = ${userId}
          RETURNING 1
        ), ${scimRolesReplaced(t, userId, roles)}`.execute(db);
      return;
    }
    case 'UserDeactivated':
    case 'UserReactivated':
      await sql`UPDATE users SET active = ${event.type === 'UserReactivated'}
        WHERE tenant_id = ${t} AND user_id = ${userId}`.execute(db);
      return;
    case 'UserDeleted':
      // The userName is personal data that a deleted user no longer needs.
      await sql`UPDATE users SET active = false, deleted = true,
          user_name_key = ''
        WHERE tenant_id = ${t} AND user_id = ${userId}`.execute(db);
      return;
    case 'DirectPermissionGranted':
      await sql`INSERT INTO grants (tenant_id, user_id, permission)
        VALUES (${t}, ${userId}, ${event.data.permission})
        ON CONFLICT DO NOTHING`.execute(db);
      return;
    case 'DirectPermissionRevoked':
      await sql`DELETE FROM grants WHERE tenant_id = ${t}
        AND user_id = ${userId} AND permission = ${event.data.permission}`.execute(
        db,
      );
      return;
  }
}

/**
 * The tail of a WITH statement that sets a user's SCIM role values: both
 * parts see the old rows, and they touch disjoint values.
 */
function scimRolesReplaced(
  tenantId: string,
  userId: string,
  values: readonly string[],
): RawBuilder<unknown> {
  const list = [...values];
  return sql`cleared AS (
      DELETE FROM user_scim_roles
      WHERE tenant_id = ${tenantId} AND user_id = ${userId}
        AND NOT (value = ANY(${list}::text[]))
      RETURNING 1
    )
    INSERT INTO user_scim_roles (tenant_id, user_id, value)
    SELECT ${tenantId}, ${userId}, unnest(${list}::text[])
    ON CONFLICT DO NOTHING`;
}

/** userName as checks by name compare it: lower case, like SCIM. */
export function nameKey(userName: string): string {
  return userName.toLowerCase();
}
