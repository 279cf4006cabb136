import { sql } from 'kysely';
import type { Migration } from '@roster/read-store';

/**
 * The intervals table. It lives in the schema of the projection that writes
 * it (effective-permissions), so both always describe the same log prefix.
 */
export const accessIntervalsMigrations: readonly Migration[] = [
  {
    name: 'access_intervals_001_table',
    async up(db) {
      await sql`
        CREATE TABLE access_intervals (
          interval_id bigserial PRIMARY KEY,
          tenant_id text NOT NULL,
          user_id text NOT NULL,
          permission text NOT NULL,
          source_key text NOT NULL,
          source jsonb NOT NULL,
          granted_at timestamptz NOT NULL,
          revoked_at timestamptz,
          CHECK (revoked_at IS NULL OR revoked_at >= granted_at)
        )`.execute(db);
      await sql`
        CREATE UNIQUE INDEX access_intervals_open
          ON access_intervals (tenant_id, user_id, permission, source_key)
          WHERE revoked_at IS NULL`.execute(db);
      await sql`
        CREATE INDEX access_intervals_by_permission
          ON access_intervals (tenant_id, permission, granted_at)`.execute(db);
      await sql`
        CREATE INDEX access_intervals_by_user
          ON access_intervals (tenant_id, user_id, granted_at)`.execute(db);
    },
  },
  {
    name: 'access_intervals_002_open_by_role',
    async up(db) {
      // A role or mapping change rewrites only the open intervals of its role.
      await sql`
        CREATE INDEX access_intervals_open_by_role
          ON access_intervals (tenant_id, (source ->> 'role'))
          WHERE revoked_at IS NULL`.execute(db);
    },
  },
];
