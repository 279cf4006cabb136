import { sql, type Kysely, type RawBuilder } from 'kysely';

/**
 * The users whose permissions one event may change, collected in a
 * transaction-local table so that recomputation stays set-based.
 */
export async function openAffectedSet(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TEMP TABLE IF NOT EXISTS ep_affected (
    user_id text PRIMARY KEY
  ) ON COMMIT DROP`.execute(db);
}

export async function clearAffectedSet(db: Kysely<unknown>): Promise<void> {
  await sql`TRUNCATE pg_temp.ep_affected`.execute(db);
}

export async function markUsers(
  db: Kysely<unknown>,
  userIds: readonly string[],
): Promise<void> {
  if (userIds.length === 0) return;

  await sql`INSERT INTO pg_temp.ep_affected (user_id)
    SELECT DISTINCT unnest(${[...userIds]}::text[])
    ON CONFLICT DO NOTHING`.execute(db);
}

/**
 * Marks every user below the seed groups (`seed` selects a `group_id`
 * column), through nested groups; UNION makes the walk stop on cycles.
 */
export async function markUsersUnderGroups(
  db: Kysely<unknown>,
  tenantId: string,
  seed: RawBuilder<unknown>,
): Promise<void> {
  await sql`
    WITH RECURSIVE below(group_id) AS (
      SELECT s.group_id FROM (${seed}) AS s
      UNION
      SELECT m.member_id FROM below b
      JOIN memberships m ON m.tenant_id = ${tenantId}
        AND m.group_id = b.group_id AND m.member_type = 'Group'
    )
    INSERT INTO pg_temp.ep_affected (user_id)
    SELECT DISTINCT m.member_id FROM below b
    JOIN memberships m ON m.tenant_id = ${tenantId}
      AND m.group_id = b.group_id AND m.member_type = 'User'
    ON CONFLICT DO NOTHING`.execute(db);
}

export function groupIds(ids: readonly string[]): RawBuilder<unknown> {
  return sql`SELECT unnest(${[...ids]}::text[]) AS group_id`;
}

/**
 * Marks the users that the selected mappings reach: through the mapped
 * groups (by id or by name) and through SCIM role values.
 * `where` filters `mappings AS mp`.
 */
export async function markUsersOfMappings(
  db: Kysely<unknown>,
  tenantId: string,
  where: RawBuilder<unknown>,
): Promise<void> {
  const mapped = sql`
    SELECT mp.match AS group_id FROM mappings mp
    WHERE mp.tenant_id = ${tenantId} AND mp.kind = 'group' AND (${where})
    UNION
    SELECT g.group_id FROM mappings mp
    JOIN groups g ON g.tenant_id = ${tenantId}
      AND g.display_name_key = mp.match
    WHERE mp.tenant_id = ${tenantId} AND mp.kind = 'groupDisplayName'
      AND (${where})`;
  await markUsersUnderGroups(db, tenantId, mapped);

  await sql`INSERT INTO pg_temp.ep_affected (user_id)
    SELECT DISTINCT s.user_id FROM mappings mp
    JOIN user_scim_roles s ON s.tenant_id = ${tenantId} AND s.value = mp.match
    WHERE mp.tenant_id = ${tenantId} AND mp.kind = 'scimRole' AND (${where})
    ON CONFLICT DO NOTHING`.execute(db);
}
