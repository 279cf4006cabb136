import { sql, type Kysely } from 'kysely';
import type { GroupChange } from './batch-changes';
import type { ScimDatabase } from './scim-database';

interface MemberRows {
  readonly tenants: string[];
  readonly groups: string[];
  readonly members: string[];
  readonly types: string[];
  readonly times: string[];
}

/**
 * Applies the batch's membership deltas with one DELETE and one INSERT.
 * Members that are not (or no longer) users or groups of the tenant are
 * left out, so the result does not depend on where batches split.
 */
export async function writeMembers(
  db: Kysely<ScimDatabase>,
  changes: readonly GroupChange[],
): Promise<void> {
  const removed = rows();
  const added = rows();

  for (const change of changes) {
    if (change.deleted) continue;
    for (const [memberId, delta] of change.members) {
      if (delta.removed) push(removed, change, memberId, 'User', '');
      if (delta.added) {
        push(
          added,
          change,
          memberId,
          delta.added.type,
          delta.added.at.toISOString(),
        );
      }
    }
  }

  if (removed.tenants.length > 0) await deleteMembers(db, removed);
  if (added.tenants.length > 0) await insertMembers(db, added);
}

function rows(): MemberRows {
  return { tenants: [], groups: [], members: [], types: [], times: [] };
}

function push(
  target: MemberRows,
  change: GroupChange,
  memberId: string,
  type: string,
  time: string,
): void {
  target.tenants.push(change.tenantId);
  target.groups.push(change.id);
  target.members.push(memberId);
  target.types.push(type);
  target.times.push(time);
}

async function deleteMembers(
  db: Kysely<ScimDatabase>,
  removed: MemberRows,
): Promise<void> {
  await sql`DELETE FROM scim_group_members
    WHERE (tenant_id, group_id, member_id) IN (
      SELECT * FROM unnest(${removed.tenants}::text[], ${removed.groups}::text[],
        ${removed.members}::text[]))`.execute(db);
}

async function insertMembers(
  db: Kysely<ScimDatabase>,
  added: MemberRows,
): Promise<void> {
  await sql`INSERT INTO scim_group_members
      (tenant_id, group_id, member_id, member_type, added_at)
    SELECT a.tenant_id, a.group_id, a.member_id, a.member_type, a.added_at
    FROM unnest(${added.tenants}::text[], ${added.groups}::text[],
      ${added.members}::text[], ${added.types}::text[],
      ${added.times}::timestamptz[])
      AS a(tenant_id, group_id, member_id, member_type, added_at)
    WHERE EXISTS (SELECT 1 FROM scim_groups g
        WHERE g.tenant_id = a.tenant_id AND g.id = a.group_id)
      AND CASE a.member_type
        WHEN 'User' THEN EXISTS (SELECT 1 FROM scim_users u
          WHERE u.tenant_id = a.tenant_id AND u.id = a.member_id)
        ELSE EXISTS (SELECT 1 FROM scim_groups m
          WHERE m.tenant_id = a.tenant_id AND m.id = a.member_id)
        END
    ON CONFLICT (tenant_id, group_id, member_id) DO NOTHING`.execute(db);
}
