import type { Migration } from '@roster/read-store';
import { sql } from 'kysely';

/** Tables of scim-resources v1; they run inside the generation's schema. */
export const scimMigrations: readonly Migration[] = [
  {
    name: '001-users-groups-members',
    up: async (db) => {
      await sql`CREATE TABLE scim_users (
        tenant_id text NOT NULL,
        id text NOT NULL,
        user_name text NOT NULL,
        user_name_lower text NOT NULL,
        external_id text,
        display_name text,
        emails text[] NOT NULL DEFAULT '{}',
        active boolean NOT NULL,
        origin text NOT NULL,
        resource jsonb NOT NULL,
        version integer NOT NULL,
        created_at timestamptz NOT NULL,
        last_modified timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, id)
      )`.execute(db);
      await sql`CREATE INDEX scim_users_user_name
        ON scim_users (tenant_id, user_name_lower)`.execute(db);
      await sql`CREATE INDEX scim_users_external_id
        ON scim_users (tenant_id, external_id)`.execute(db);
      await sql`CREATE INDEX scim_users_display_name
        ON scim_users (tenant_id, lower(display_name))`.execute(db);
      await sql`CREATE INDEX scim_users_emails
        ON scim_users USING gin (emails)`.execute(db);
      await sql`CREATE INDEX scim_users_created
        ON scim_users (tenant_id, created_at)`.execute(db);
      await sql`CREATE INDEX scim_users_last_modified
        ON scim_users (tenant_id, last_modified)`.execute(db);

      await sql`CREATE TABLE scim_groups (
        tenant_id text NOT NULL,
        id text NOT NULL,
        display_name text NOT NULL,
        external_id text,
        resource jsonb NOT NULL,
        version integer NOT NULL,
        created_at timestamptz NOT NULL,
        last_modified timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, id)
      )`.execute(db);
      await sql`CREATE INDEX scim_groups_display_name
        ON scim_groups (tenant_id, lower(display_name))`.execute(db);
      await sql`CREATE INDEX scim_groups_external_id
        ON scim_groups (tenant_id, external_id)`.execute(db);
      await sql`CREATE INDEX scim_groups_last_modified
        ON scim_groups (tenant_id, last_modified)`.execute(db);

      await sql`CREATE TABLE scim_group_members (
        tenant_id text NOT NULL,
        group_id text NOT NULL,
        member_id text NOT NULL,
        member_type text NOT NULL CHECK (member_type IN ('User', 'Group')),
        added_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, group_id, member_id)
      )`.execute(db);
      await sql`CREATE INDEX scim_group_members_member
        ON scim_group_members (tenant_id, member_id)`.execute(db);
    },
  },
];
