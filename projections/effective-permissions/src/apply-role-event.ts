import { sql, type Kysely } from 'kysely';
import type { MappingSource } from '@roster/domain';
import type { ParsedEvent } from '@roster/projection-runtime';
import { usersOfMappings } from './affected-users';

export type RoleEvent = Extract<
  ParsedEvent,
  { type: 'RoleDefined' | 'RoleRemoved' | 'RoleMapped' | 'RoleUnmapped' }
>;

/** Updates roles and mappings. */
export async function applyRoleEvent(
  db: Kysely<unknown>,
  event: RoleEvent,
): Promise<void> {
  const t = event.tenantId;

  switch (event.type) {
    case 'RoleDefined': {
      const { role, permissions } = event.data;
      // Both parts see the old rows, and they touch disjoint permissions.
      await sql`WITH cleared AS (
          DELETE FROM role_permissions
          WHERE tenant_id = ${t} AND role = ${role}
            AND NOT (permission = ANY(${permissions}::text[]))
          RETURNING 1
        )
        INSERT INTO role_permissions (tenant_id, role, permission)
        SELECT DISTINCT ${t}, ${role}, unnest(${permissions}::text[])
        ON CONFLICT (tenant_id, role, permission) DO NOTHING`.execute(db);
      return;
    }
    case 'RoleRemoved':
      await sql`WITH cleared AS (
          DELETE FROM role_permissions
          WHERE tenant_id = ${t} AND role = ${event.data.role}
          RETURNING 1
        )
        DELETE FROM mappings
        WHERE tenant_id = ${t} AND role = ${event.data.role}`.execute(db);
      return;
    case 'RoleMapped': {
      const { mappingId, role, source } = event.data;
      await sql`INSERT INTO mappings (tenant_id, mapping_id, role, kind, match)
        VALUES (${t}, ${mappingId}, ${role}, ${source.kind}, ${matchOf(source)})
        ON CONFLICT (tenant_id, mapping_id) DO NOTHING`.execute(db);
      return;
    }
    case 'RoleUnmapped':
      await sql`DELETE FROM mappings WHERE tenant_id = ${t}
        AND mapping_id = ${event.data.mappingId}`.execute(db);
      return;
  }
}

/** The role whose sources the event may change, read before applying it. */
export async function roleOf(
  db: Kysely<unknown>,
  event: RoleEvent,
): Promise<string | undefined> {
  if (event.type !== 'RoleUnmapped') return event.data.role;

  const { rows } = await sql<{ role: string }>`SELECT role FROM mappings
    WHERE tenant_id = ${event.tenantId}
      AND mapping_id = ${event.data.mappingId}`.execute(db);
  return rows[0]?.role;
}

/** Every user that one of the role's mappings reaches. */
export function usersOfRole(
  db: Kysely<unknown>,
  tenantId: string,
  role: string,
): Promise<string[]> {
  return usersOfMappings(db, tenantId, sql`mp.role = ${role}`);
}

/** What a mapping compares: a group id, a lower-case name, a role value. */
function matchOf(source: MappingSource): string {
  switch (source.kind) {
    case 'group':
      return source.groupId;
    case 'groupDisplayName':
      return source.displayName.toLowerCase();
    case 'scimRole':
      return source.value;
  }
}
