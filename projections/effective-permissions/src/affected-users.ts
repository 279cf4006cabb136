import { sql, type Kysely, type RawBuilder } from 'kysely';

/**
 * Every user below the seed groups (`seed` selects a `group_id` column),
 * through nested groups; UNION makes the walk stop on cycles.
 */
export async function usersUnderGroups(
  db: Kysely<unknown>,
  tenantId: string,
  seed: RawBuilder<unknown>,
): Promise<string[]> {
  const { rows } = await sql<{ user_id: string }>`
    WITH RECURSIVE below(group_id) AS (
      SELECT s.group_id FROM (${seed}) AS s
      UNION
      SELECT m.member_id FROM below b
      JOIN memberships m ON m.tenant_id = ${tenantId}
        AND m.group_id = b.group_id AND m.member_type = 'Group'
    )
    SELECT DISTINCT m.member_id AS user_id FROM below b
    JOIN memberships m ON m.tenant_id = ${tenantId}
      AND m.group_id = b.group_id AND m.member_type = 'User'`.execute(db);
  return rows.map((row) => row.user_id);
}

export function groupIds(ids: readonly string[]): RawBuilder<unknown> {
  return sql`SELECT unnest(${[...ids]}::text[]) AS group_id`;
}

/**
 * The users that the selected mappings reach: through the mapped groups
 * (by id or by name) and through SCIM role values. `where` filters
 * `mappings AS mp`.
 */
export async function usersOfMappings(
  db: Kysely<unknown>,
  tenantId: string,
  where: RawBuilder<unknown>,
): Promise<string[]> {
  const mapped = sql`
    SELECT mp.match AS group_id FROM mappings mp
    WHERE mp.tenant_id = ${tenantId} AND mp.kind = 'group' AND (${where})
    UNION
    SELECT g.group_id FROM mappings mp
    JOIN groups g ON g.tenant_id = ${tenantId}
      AND g.display_name_key = mp.match
    WHERE mp.tenant_id = ${tenantId} AND mp.kind = 'groupDisplayName'
      AND (${where})`;
  const viaGroups = await usersUnderGroups(db, tenantId, mapped);

  const { rows } = await sql<{ user_id: string }>`
    SELECT DISTINCT s.user_id FROM mappings mp
    JOIN user_scim_roles s ON s.tenant_id = ${tenantId} AND s.value = mp.match
    WHERE mp.tenant_id = ${tenantId} AND mp.kind = 'scimRole'
      AND (${where})`.execute(db);
  return [...viaGroups, ...rows.map((row) => row.user_id)];
}
