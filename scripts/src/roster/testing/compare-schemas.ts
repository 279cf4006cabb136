import type { RuntimeDatabase } from '../../../../packages/read-store/src/index';
import { assertSchemaName } from '../../../../packages/read-store/src/index';
import { sql, type Kysely } from 'kysely';

export interface TableComparison {
  readonly table: string;
  readonly rows: number;
  /** Rows (with their multiplicity) in one schema and not in the other. */
  readonly onlyLeft: number;
  readonly onlyRight: number;
}

/**
 * Compares every table of `right` with its namesake in `left` row by row,
 * with EXCEPT ALL both ways. Columns that `right` fills from a sequence are
 * left out: they number rows in the order partitions happened to commit,
 * which no rebuild repeats.
 */
export async function compareSchemas(
  db: Kysely<RuntimeDatabase>,
  left: string,
  right: string,
  /** Per table, columns that may differ by design. */
  ignored: Readonly<Record<string, readonly string[]>> = {},
): Promise<TableComparison[]> {
  const tables = await tablesOf(db, right);
  const comparisons: TableComparison[] = [];

  for (const table of tables) {
    const skip = ignored[table] ?? [];
    const columns = (await comparableColumns(db, right, table)).filter(
      (column) => !skip.includes(column),
    );
    const l = sql.id(assertSchemaName(left), table);
    const r = sql.id(assertSchemaName(right), table);
    const list = sql.join(columns.map((column) => sql.id(column)));

    const { rows } = await sql<{ rows: string; l: string; r: string }>`
      SELECT (SELECT count(*) FROM ${l}) AS rows,
        (SELECT count(*) FROM (SELECT ${list} FROM ${l}
          EXCEPT ALL SELECT ${list} FROM ${r}) d) AS l,
        (SELECT count(*) FROM (SELECT ${list} FROM ${r}
          EXCEPT ALL SELECT ${list} FROM ${l}) d) AS r`.execute(db);
    const [counts] = rows;
    comparisons.push({
      table,
      rows: Number(counts?.rows),
      onlyLeft: Number(counts?.l),
      onlyRight: Number(counts?.r),
    });
  }
  return comparisons;
}

async function tablesOf(
  db: Kysely<RuntimeDatabase>,
  schema: string,
): Promise<string[]> {
  const { rows } = await sql<{ table_name: string }>`
    SELECT table_name FROM information_schema.tables
    WHERE table_schema = ${schema} AND table_type = 'BASE TABLE'
    ORDER BY table_name`.execute(db);
  return rows.map((row) => row.table_name);
}

async function comparableColumns(
  db: Kysely<RuntimeDatabase>,
  schema: string,
  table: string,
): Promise<string[]> {
  const { rows } = await sql<{ column_name: string }>`
    SELECT column_name FROM information_schema.columns
    WHERE table_schema = ${schema} AND table_name = ${table}
      AND coalesce(column_default, '') NOT LIKE 'nextval(%'
    ORDER BY ordinal_position`.execute(db);
  return rows.map((row) => row.column_name);
}

/** A plain copy of every table of `from` in a new schema `to`. */
export async function copySchema(
  db: Kysely<RuntimeDatabase>,
  from: string,
  to: string,
): Promise<void> {
  await sql`CREATE SCHEMA ${sql.id(assertSchemaName(to))}`.execute(db);
  for (const table of await tablesOf(db, from)) {
    await sql`CREATE TABLE ${sql.id(to, table)} AS
      TABLE ${sql.id(from, table)}`.execute(db);
  }
}
