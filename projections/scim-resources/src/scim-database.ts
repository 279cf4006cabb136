import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json = ColumnType<
  Record<string, unknown>,
  string | Record<string, unknown>,
  string | Record<string, unknown>
>;

/** A SCIM user; `resource` holds the attributes as the IdP last set them. */
export interface ScimUsersTable {
  tenant_id: string;
  id: string;
  user_name: string;
  user_name_lower: string;
  external_id: string | null;
  display_name: string | null;
  /** Lower-cased `emails[].value`. */
  emails: ColumnType<string[], string[] | string, string[] | string>;
  active: boolean;
  /** `product`: created by an admin before SCIM; visible to SCIM all the same. */
  origin: 'scim' | 'product';
  resource: Json;
  /** Revision of the user's stream: SCIM meta.version. */
  version: number;
  created_at: Timestamp;
  last_modified: Timestamp;
}

export interface ScimGroupsTable {
  tenant_id: string;
  id: string;
  display_name: string;
  external_id: string | null;
  resource: Json;
  version: number;
  created_at: Timestamp;
  last_modified: Timestamp;
}

/** One member of one group: big groups page and change by delta. */
export interface ScimGroupMembersTable {
  tenant_id: string;
  group_id: string;
  member_id: string;
  member_type: 'User' | 'Group';
  added_at: Timestamp;
}

/** The tables of one scim-resources schema (unqualified names). */
export interface ScimDatabase {
  scim_users: ScimUsersTable;
  scim_groups: ScimGroupsTable;
  scim_group_members: ScimGroupMembersTable;
}
