import { sql, type Kysely } from 'kysely';
import type { ParsedEvent } from '@roster/projection-runtime';
import { groupIds, usersUnderGroups } from './affected-users';

export type GroupEvent = Extract<
  ParsedEvent,
  {
    type:
      | 'GroupCreated'
      | 'GroupRenamed'
      | 'GroupMembershipChanged'
      | 'GroupDeleted';
  }
>;

type MembershipData = Extract<
  GroupEvent,
  { type: 'GroupMembershipChanged' }
>['data'];

/** Updates groups and membership edges. */
export async function applyGroupEvent(
  db: Kysely<unknown>,
  event: GroupEvent,
): Promise<void> {
  const t = event.tenantId;
  const { groupId } = event.data;

  switch (event.type) {
    case 'GroupCreated':
    case 'GroupRenamed':
      await sql`INSERT INTO groups (tenant_id, group_id, display_name_key)
        VALUES (${t}, ${groupId}, ${event.data.displayName.toLowerCase()})
        ON CONFLICT (tenant_id, group_id) DO UPDATE
        SET display_name_key = excluded.display_name_key`.execute(db);
      return;
    case 'GroupMembershipChanged':
      return changeMembers(db, t, groupId, event.data);
    case 'GroupDeleted':
      await sql`WITH edges AS (
          DELETE FROM memberships WHERE tenant_id = ${t}
            AND (group_id = ${groupId} OR member_id = ${groupId})
          RETURNING 1
        )
        DELETE FROM groups
        WHERE tenant_id = ${t} AND group_id = ${groupId}`.execute(db);
      return;
  }
}

async function changeMembers(
  db: Kysely<unknown>,
  tenantId: string,
  groupId: string,
  change: MembershipData,
): Promise<void> {
  const added = JSON.stringify(change.added);
  const removed = [...change.removed];
  const readded = change.added.some((m) => removed.includes(m.value));
  if (readded) {
    await removeMembers(db, tenantId, groupId, removed);
    await sql`WITH ${membersAdded(tenantId, groupId, added)}
      SELECT 1`.execute(db);
    return;
  }

  // One statement: the two parts touch different edges.
  await sql`WITH ${membersAdded(tenantId, groupId, added)},
    removed AS (
      DELETE FROM memberships WHERE tenant_id = ${tenantId}
        AND group_id = ${groupId} AND member_id = ANY(${removed}::text[])
      RETURNING 1
    )
    SELECT 1`.execute(db);
}

function removeMembers(
  db: Kysely<unknown>,
  tenantId: string,
  groupId: string,
  removed: readonly string[],
) {
  return sql`DELETE FROM memberships WHERE tenant_id = ${tenantId}
    AND group_id = ${groupId}
    AND member_id = ANY(${[...removed]}::text[])`.execute(db);
}

function membersAdded(tenantId: string, groupId: string, added: string) {
  return sql`added AS (
    INSERT INTO memberships (tenant_id, group_id, member_id, member_type)
    SELECT ${tenantId}, ${groupId}, x.value, x.type
    FROM jsonb_to_recordset(${added}::jsonb) AS x(value text, type text)
    ON CONFLICT (tenant_id, group_id, member_id) DO UPDATE
    SET member_type = excluded.member_type
    RETURNING 1
  )`;
}

/**
 * Every user whose permissions the event may change, read in one
 * statement before it is applied. Below an added group nothing changes by
 * adding the edge, so the walk before it finds the users one after would.
 */
export async function usersAffectedByGroupEvent(
  db: Kysely<unknown>,
  event: GroupEvent,
): Promise<string[]> {
  const t = event.tenantId;
  const { groupId } = event.data;
  if (event.type !== 'GroupMembershipChanged') {
    return usersUnderGroups(db, t, groupIds([groupId]));
  }

  const { added, removed } = event.data;
  const of = (type: string) =>
    added.filter((m) => m.type === type).map((m) => m.value);
  const { rows } = await sql<{ user_id: string }>`
    WITH RECURSIVE
    gone AS (
      SELECT member_id, member_type FROM memberships
      WHERE tenant_id = ${t} AND group_id = ${groupId}
        AND member_id = ANY(${[...removed]}::text[])
    ),
    below(group_id) AS (
      SELECT s.group_id FROM (
        SELECT member_id AS group_id FROM gone WHERE member_type = 'Group'
        UNION SELECT unnest(${of('Group')}::text[])
      ) s
      UNION
      SELECT m.member_id FROM below b
      JOIN memberships m ON m.tenant_id = ${t}
        AND m.group_id = b.group_id AND m.member_type = 'Group'
    )
    SELECT member_id AS user_id FROM gone WHERE member_type = 'User'
    UNION SELECT unnest(${of('User')}::text[])
    UNION SELECT m.member_id FROM below b
    JOIN memberships m ON m.tenant_id = ${t}
      AND m.group_id = b.group_id AND m.member_type = 'User'`.execute(db);
  return rows.map((row) => row.user_id);
}
