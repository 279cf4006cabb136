import type { Selectable } from 'kysely';
import type {
  ScimGroupMembersTable,
  ScimGroupsTable,
  ScimUsersTable,
} from './scim-database';

/** A user as the read model holds it; `version` is the stream revision. */
export interface ScimUserRow {
  readonly id: string;
  readonly userName: string;
  readonly externalId: string | null;
  readonly displayName: string | null;
  readonly active: boolean;
  readonly origin: 'scim' | 'product';
  readonly resource: Record<string, unknown>;
  readonly version: number;
  readonly created: Date;
  readonly lastModified: Date;
}

export interface ScimGroupRow {
  readonly id: string;
  readonly displayName: string;
  readonly externalId: string | null;
  readonly resource: Record<string, unknown>;
  readonly version: number;
  readonly created: Date;
  readonly lastModified: Date;
}

export interface ScimMemberRow {
  readonly id: string;
  readonly type: 'User' | 'Group';
  readonly addedAt: Date;
}

export function toUser(row: Selectable<ScimUsersTable>): ScimUserRow {
  return {
    id: row.id,
    userName: row.user_name,
    externalId: row.external_id,
    displayName: row.display_name,
    active: row.active,
    origin: row.origin,
    resource: row.resource,
    version: row.version,
    created: new Date(row.created_at),
    lastModified: new Date(row.last_modified),
  };
}

export function toGroup(row: Selectable<ScimGroupsTable>): ScimGroupRow {
  return {
    id: row.id,
    displayName: row.display_name,
    externalId: row.external_id,
    resource: row.resource,
    version: row.version,
    created: new Date(row.created_at),
    lastModified: new Date(row.last_modified),
  };
}

export function toMember(
  row: Selectable<ScimGroupMembersTable>,
): ScimMemberRow {
  return {
    id: row.member_id,
    type: row.member_type,
    addedAt: new Date(row.added_at),
  };
}
