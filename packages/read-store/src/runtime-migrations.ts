import { sql } from 'kysely';
import type { Migration } from './migration';

/** Migrations of schema `roster`, the runtime's shared tables. */
export const runtimeMigrations: readonly Migration[] = [
  {
    name: '001-projection-runtime',
    up: async (db) => {
      await sql`CREATE TABLE projection_generations (
        schema_name text PRIMARY KEY,
        projection text NOT NULL,
        version integer NOT NULL,
        state text NOT NULL CHECK (state IN ('building', 'active', 'retired')),
        partition_count integer NOT NULL CHECK (partition_count > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        activated_at timestamptz
      )`.execute(db);
      await sql`CREATE UNIQUE INDEX projection_generations_one_active
        ON projection_generations (projection)
        WHERE state = 'active'`.execute(db);

      await sql`CREATE TABLE projection_checkpoints (
        schema_name text NOT NULL
          REFERENCES projection_generations ON DELETE CASCADE,
        partition integer NOT NULL,
        position text NOT NULL DEFAULT '',
        events_applied bigint NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (schema_name, partition)
      )`.execute(db);

      await sql`CREATE TABLE projection_failures (
        schema_name text NOT NULL
          REFERENCES projection_generations ON DELETE CASCADE,
        partition integer NOT NULL,
        projection text NOT NULL,
        version integer NOT NULL,
        event_id text NOT NULL,
        position text NOT NULL,
        tenant_id text NOT NULL,
        error text NOT NULL,
        attempts integer NOT NULL,
        first_failed_at timestamptz NOT NULL DEFAULT now(),
        last_failed_at timestamptz NOT NULL DEFAULT now(),
        next_retry_at timestamptz NOT NULL,
        PRIMARY KEY (schema_name, partition)
      )`.execute(db);

      await sql`CREATE TABLE projection_skips (
        projection text NOT NULL,
        version integer NOT NULL,
        event_id text NOT NULL,
        reason text NOT NULL,
        skipped_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (projection, version, event_id)
      )`.execute(db);
    },
  },
];
