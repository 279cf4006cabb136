import { sql } from 'kysely';
import { accessIntervalsMigrations } from '@roster/projection-access-intervals';
import type { Migration } from '@roster/read-store';

const stateTables = [
  sql`CREATE TABLE users (
    tenant_id text NOT NULL,
    user_id text NOT NULL,
    user_name_key text NOT NULL,
    active boolean NOT NULL,
    deleted boolean NOT NULL DEFAULT false,
    PRIMARY KEY (tenant_id, user_id)
  )`,
  sql`CREATE INDEX users_by_name ON users (tenant_id, user_name_key)
    WHERE NOT deleted`,
  sql`CREATE TABLE user_scim_roles (
    tenant_id text NOT NULL,
    user_id text NOT NULL,
    value text NOT NULL,
    PRIMARY KEY (tenant_id, user_id, value)
  )`,
  sql`CREATE INDEX user_scim_roles_by_value
    ON user_scim_roles (tenant_id, value)`,
  sql`CREATE TABLE groups (
    tenant_id text NOT NULL,
    group_id text NOT NULL,
    display_name_key text NOT NULL,
    PRIMARY KEY (tenant_id, group_id)
  )`,
  sql`CREATE INDEX groups_by_name ON groups (tenant_id, display_name_key)`,
  sql`CREATE TABLE memberships (
    tenant_id text NOT NULL,
    group_id text NOT NULL,
    member_id text NOT NULL,
    member_type text NOT NULL CHECK (member_type IN ('User', 'Group')),
    PRIMARY KEY (tenant_id, group_id, member_id)
  )`,
  sql`CREATE INDEX memberships_by_member
    ON memberships (tenant_id, member_id, member_type)`,
  sql`CREATE TABLE role_permissions (
    tenant_id text NOT NULL,
    role text NOT NULL,
    permission text NOT NULL,
    PRIMARY KEY (tenant_id, role, permission)
  )`,
  sql`CREATE TABLE mappings (
    tenant_id text NOT NULL,
    mapping_id text NOT NULL,
    role text NOT NULL,
    kind text NOT NULL CHECK (kind IN ('group', 'groupDisplayName', 'scimRole')),
    match text NOT NULL,
    PRIMARY KEY (tenant_id, mapping_id)
  )`,
  sql`CREATE INDEX mappings_by_match ON mappings (tenant_id, kind, match)`,
  sql`CREATE INDEX mappings_by_role ON mappings (tenant_id, role)`,
  sql`CREATE TABLE grants (
    tenant_id text NOT NULL,
    user_id text NOT NULL,
    permission text NOT NULL,
    PRIMARY KEY (tenant_id, user_id, permission)
  )`,
];

/** The projection's own copy of the state it derives permissions from. */
export const effectivePermissionsMigrations: readonly Migration[] = [
  {
    name: '001_state',
    async up(db) {
      for (const statement of stateTables) await statement.execute(db);
    },
  },
  {
    name: '002_effective_permissions',
    async up(db) {
      await sql`
        CREATE TABLE effective_permissions (
          tenant_id text NOT NULL,
          user_id text NOT NULL,
          permission text NOT NULL,
          sources jsonb NOT NULL,
          PRIMARY KEY (tenant_id, user_id, permission)
        )`.execute(db);
    },
  },
  ...accessIntervalsMigrations,
  {
    name: '003_permission_versions',
    async up(db) {
      // Bumped with every notice: in-process checkers detect a missed one.
      await sql`
        CREATE TABLE permission_versions (
          tenant_id text PRIMARY KEY,
          version bigint NOT NULL
        )`.execute(db);
    },
  },
];
