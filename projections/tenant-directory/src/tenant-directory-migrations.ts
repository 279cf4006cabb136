import { sql } from 'kysely';
import type { Migration } from '@roster/read-store';

export const tenantDirectoryMigrations: readonly Migration[] = [
  {
    name: '001_tenants_and_tokens',
    async up(db) {
      await sql`
        CREATE TABLE tenants (
          tenant_id text PRIMARY KEY,
          name text NOT NULL,
          created_at timestamptz NOT NULL
        )`.execute(db);
      await sql`
        CREATE TABLE tokens (
          token_hash text PRIMARY KEY,
          tenant_id text NOT NULL,
          token_id text NOT NULL,
          kind text NOT NULL CHECK (kind IN ('scim', 'service')),
          label text,
          issued_at timestamptz NOT NULL,
          revoked_at timestamptz,
          seq bigserial,
          UNIQUE (tenant_id, token_id)
        )`.execute(db);
    },
  },
];
