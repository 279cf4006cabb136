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
  if (change.removed.length > 0) {
    await sql`DELETE FROM memberships WHERE tenant_id = ${tenantId}
      AND group_id = ${groupId}
      AND member_id = ANY(${change.removed}::text[])`.execute(db);
  }
  if (change.added.length === 0) return;

  await sql`INSERT INTO memberships (tenant_id, group_id, member_id, member_type)
    SELECT ${tenantId}, ${groupId}, x.value, x.type
    FROM jsonb_to_recordset(${JSON.stringify(change.added)}::jsonb)
      AS x(value text, type text)
    ON CONFLICT (tenant_id, group_id, member_id) DO UPDATE
    SET member_type = excluded.member_type`.execute(db);
}

/**
 * Every user whose permissions the event may change, read before it is
 * applied. Below an added group nothing changes by adding the edge, so
 * the walk before it finds the same users as one after it.
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
  const users = added.filter((m) => m.type === 'User').map((m) => m.value);
  const groups = added.filter((m) => m.type === 'Group').map((m) => m.value);
  if (removed.length > 0) {
    users.push(...(await usersBelowRemoved(db, t, groupId, removed)));
  }
  if (groups.length > 0) {
    users.push(...(await usersUnderGroups(db, t, groupIds(groups))));
  }
  return users;
}

/** Removed users themselves, and every user below a removed group. */
async function usersBelowRemoved(
  db: Kysely<unknown>,
  tenantId: string,
  groupId: string,
  removed: readonly string[],
): Promise<string[]> {
  const members = sql`SELECT member_id, member_type FROM memberships
    WHERE tenant_id = ${tenantId} AND group_id = ${groupId}
      AND member_id = ANY(${[...removed]}::text[])`;

  const { rows } = await sql<{ member_id: string }>`
    SELECT m.member_id FROM (${members}) m
    WHERE m.member_type = 'User'`.execute(db);
  const below = await usersUnderGroups(
    db,
    tenantId,
    sql`SELECT m.member_id AS group_id FROM (${members}) m
      WHERE m.member_type = 'Group'`,
  );
  return [...rows.map((row) => row.member_id), ...below];
}
