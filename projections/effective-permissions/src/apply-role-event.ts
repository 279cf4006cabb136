import { sql, type Kysely } from 'kysely';
import type { MappingSource } from '@roster/domain';
import type { ParsedEvent } from '@roster/projection-runtime';
import { usersOfMappings, type AffectedUsers } from './affected-users';

type RoleEvent = Extract<
  ParsedEvent,
  { type: 'RoleDefined' | 'RoleRemoved' | 'RoleMapped' | 'RoleUnmapped' }
>;

/** Updates roles and mappings; marks every user they reach. */
export async function applyRoleEvent(
  db: Kysely<unknown>,
  event: RoleEvent,
  affected: AffectedUsers,
): Promise<void> {
  const t = event.tenantId;

  switch (event.type) {
    case 'RoleDefined': {
      const { role, permissions } = event.data;
      await sql`DELETE FROM role_permissions
        WHERE tenant_id = ${t} AND role = ${role}`.execute(db);
      await sql`INSERT INTO role_permissions (tenant_id, role, permission)
        SELECT ${t}, ${role}, unnest(${permissions}::text[])
        ON CONFLICT DO NOTHING`.execute(db);
      affected.add(await usersOfMappings(db, t, sql`mp.role = ${role}`));
      return;
    }
    case 'RoleRemoved': {
      const { role } = event.data;
      affected.add(await usersOfMappings(db, t, sql`mp.role = ${role}`));
      await sql`DELETE FROM role_permissions
        WHERE tenant_id = ${t} AND role = ${role}`.execute(db);
      await sql`DELETE FROM mappings
        WHERE tenant_id = ${t} AND role = ${role}`.execute(db);
      return;
    }
    case 'RoleMapped': {
      const { mappingId, role, source } = event.data;
      await sql`INSERT INTO mappings (tenant_id, mapping_id, role, kind, match)
        VALUES (${t}, ${mappingId}, ${role}, ${source.kind}, ${matchOf(source)})
        ON CONFLICT (tenant_id, mapping_id) DO NOTHING`.execute(db);
      affected.add(
        await usersOfMappings(db, t, sql`mp.mapping_id = ${mappingId}`),
      );
      return;
    }
    case 'RoleUnmapped': {
      const { mappingId } = event.data;
      affected.add(
        await usersOfMappings(db, t, sql`mp.mapping_id = ${mappingId}`),
      );
      await sql`DELETE FROM mappings
        WHERE tenant_id = ${t} AND mapping_id = ${mappingId}`.execute(db);
      return;
    }
  }
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
