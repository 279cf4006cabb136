import { sql, type Kysely } from 'kysely';
import type { ParsedEvent } from '@roster/projection-runtime';
import {
  groupIds,
  usersUnderGroups,
  type AffectedUsers,
} from './affected-users';

type GroupEvent = Extract<
  ParsedEvent,
  {
    type:
      | 'GroupCreated'
      | 'GroupRenamed'
      | 'GroupMembershipChanged'
      | 'GroupDeleted';
  }
>;

/** Updates groups and membership edges; marks every user below them. */
export async function applyGroupEvent(
  db: Kysely<unknown>,
  event: GroupEvent,
  affected: AffectedUsers,
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
      affected.add(await usersUnderGroups(db, t, groupIds([groupId])));
      return;
    case 'GroupMembershipChanged':
      await changeMembers(db, t, groupId, event.data, affected);
      return;
    case 'GroupDeleted':
      affected.add(await usersUnderGroups(db, t, groupIds([groupId])));
      await sql`DELETE FROM memberships WHERE tenant_id = ${t}
        AND (group_id = ${groupId} OR member_id = ${groupId})`.execute(db);
      await sql`DELETE FROM groups
        WHERE tenant_id = ${t} AND group_id = ${groupId}`.execute(db);
      return;
  }
}

type MembershipData = Extract<
  GroupEvent,
  { type: 'GroupMembershipChanged' }
>['data'];

/**
 * Users below a removed member are marked before the edge goes (they may
 * lose access), users below an added one after it exists.
 */
async function changeMembers(
  db: Kysely<unknown>,
  tenantId: string,
  groupId: string,
  change: MembershipData,
  affected: AffectedUsers,
): Promise<void> {
  if (change.removed.length > 0) {
    affected.add(
      await usersBelowRemoved(db, tenantId, groupId, change.removed),
    );
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

  const users = change.added.filter((m) => m.type === 'User');
  const groups = change.added.filter((m) => m.type === 'Group');
  affected.add(users.map((m) => m.value));
  if (groups.length > 0) {
    const ids = groupIds(groups.map((m) => m.value));
    affected.add(await usersUnderGroups(db, tenantId, ids));
  }
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
