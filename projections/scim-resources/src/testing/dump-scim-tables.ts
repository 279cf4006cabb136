import type { RuntimeDatabase } from '@roster/read-store';
import { assertSchemaName } from '@roster/read-store';
import { sql, type Kysely } from 'kysely';

/** Every row of a scim-resources schema, in a stable order, for comparing. */
export async function dumpScimTables(
  db: Kysely<RuntimeDatabase>,
  schema: string,
): Promise<Record<string, unknown[]>> {
  const s = sql.id(assertSchemaName(schema));
  const users = await sql`SELECT * FROM ${s}.scim_users
    ORDER BY tenant_id, id`.execute(db);
  const groups = await sql`SELECT * FROM ${s}.scim_groups
    ORDER BY tenant_id, id`.execute(db);
  const members = await sql`SELECT * FROM ${s}.scim_group_members
    ORDER BY tenant_id, group_id, member_id`.execute(db);
  return { users: users.rows, groups: groups.rows, members: members.rows };
}
