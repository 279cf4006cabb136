import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration';
import { assertSchemaName } from './schema-name';

const MIGRATION_LOCK = 0x526f7374; // any constant shared by every process

/**
 * Creates `schema` if needed and applies the migrations it has not seen, in
 * one transaction under an advisory lock, so concurrent starters agree.
 * Resolves to the names applied now.
 */
export async function migrateSchema(
  db: Kysely<unknown>,
  schema: string,
  migrations: readonly Migration[],
): Promise<string[]> {
  assertSchemaName(schema);

  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(trx);
    await prepare(trx, schema);

    const done = await appliedNames(trx, schema);
    const pending = migrations.filter((step) => !done.has(step.name));

    for (const step of pending) {
      await step.up(trx);
      await sql`INSERT INTO roster.schema_migrations (schema_name, name)
        VALUES (${schema}, ${step.name})`.execute(trx);
    }
    return pending.map((step) => step.name);
  });
}

async function prepare(trx: Kysely<unknown>, schema: string): Promise<void> {
  await sql`CREATE SCHEMA IF NOT EXISTS roster`.execute(trx);
  await sql`CREATE TABLE IF NOT EXISTS roster.schema_migrations (
    schema_name text NOT NULL,
    name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (schema_name, name)
  )`.execute(trx);

  await sql`CREATE SCHEMA IF NOT EXISTS ${sql.id(schema)}`.execute(trx);
  await sql`SET LOCAL search_path TO ${sql.id(schema)}`.execute(trx);
}

async function appliedNames(
  trx: Kysely<unknown>,
  schema: string,
): Promise<Set<string>> {
  const { rows } = await sql<{ name: string }>`
    SELECT name FROM roster.schema_migrations WHERE schema_name = ${schema}
  `.execute(trx);
  return new Set(rows.map((row) => row.name));
}

/** Drops a schema with everything in it and forgets its migrations. */
export async function dropSchema(
  db: Kysely<unknown>,
  schema: string,
): Promise<void> {
  assertSchemaName(schema);

  await db.transaction().execute(async (trx) => {
    await sql`DROP SCHEMA IF EXISTS ${sql.id(schema)} CASCADE`.execute(trx);
    await sql`DELETE FROM roster.schema_migrations
      WHERE schema_name = ${schema}`.execute(trx);
  });
}
