import fc from 'fast-check';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { createTestDatabase } from '@roster/read-store/testing';
import type { TestDatabase } from '@roster/read-store/testing';
import { compileFilter } from '../filter/compile-filter';
import type { Filter } from '../filter/filter-ast';
import { parseFilter } from '../filter/parse-filter';
import type { ScimResource } from '../resource/json-value';
import { userResourceType } from '../schema/resource-type';
import { arbitraryUser, arbitraryUserFilter } from '../testing/arbitraries';
import { sqlColumnValues } from './sql-column-values';
import { userSqlTarget } from './sql-target';
import { translateFilter } from './translate-filter';

interface Tables {
  scim_users: { tenant_id: string; id: string; resource: unknown };
}

const runs = Number(process.env['FC_RUNS'] ?? 300);

const createTable = `
  CREATE TABLE scim_users (
    tenant_id text NOT NULL, id text NOT NULL, resource jsonb NOT NULL,
    user_name_lower text, external_id text, display_name text,
    active boolean, created_at timestamptz, last_modified timestamptz,
    PRIMARY KEY (tenant_id, id))`;

let database: TestDatabase;
let pool: pg.Pool;
let db: Kysely<Tables>;
let users: ScimResource[];

beforeAll(async () => {
  database = await createTestDatabase();
  pool = new pg.Pool({ connectionString: database.url, max: 2 });
  // DROP DATABASE ... WITH (FORCE) ends idle clients still closing.
  pool.on('error', () => undefined);
  db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  await pool.query(createTable);

  users = fc.sample(arbitraryUser, { numRuns: 120, seed: 7 });
  for (const user of users) await insert(user);
});

afterAll(async () => {
  await db.destroy();
  await database.drop();
});

async function insert(user: ScimResource): Promise<void> {
  const columns = sqlColumnValues(user, userSqlTarget);
  await pool.query(
    `INSERT INTO scim_users (tenant_id, id, resource, user_name_lower,
       external_id, display_name, active, created_at, last_modified)
     VALUES ('t', $1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      columns['id'],
      JSON.stringify(user),
      columns['user_name_lower'],
      columns['external_id'],
      columns['display_name'],
      columns['active'],
      columns['created_at'],
      columns['last_modified'],
    ],
  );
}

async function selectWithSql(filter: Filter): Promise<string[]> {
  const query = db
    .selectFrom('scim_users')
    .select('id')
    .where(translateFilter(filter, userSqlTarget))
    .compile();
  const { rows } = await pool.query<{ id: string }>(query.sql, [
    ...query.parameters,
  ]);
  return rows.map((row) => row.id).sort();
}

function selectInMemory(filter: Filter): string[] {
  const matches = compileFilter(filter, userResourceType);
  return users
    .filter(matches)
    .map((user) => user['id'] as string)
    .sort();
}

describe('translateFilter against PostgreSQL', () => {
  it.each([
    'userName eq "ANN"',
    'emails[type eq "work" and value co "n"]',
    'not (title pr) and active eq "True"',
    'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value sw "a"',
    'meta.created gt "2020-09-15T00:00:00Z"',
    'externalId eq ann',
    'emails ew "o"',
    'title eq null',
    'name pr',
  ])('selects what the evaluator selects for %s', async (text) => {
    const filter = parseFilter(text);

    expect(await selectWithSql(filter)).toEqual(selectInMemory(filter));
  });

  it('selects the same users as the evaluator on generated filters', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryUserFilter, async (filter) => {
        expect(await selectWithSql(filter)).toEqual(selectInMemory(filter));
      }),
      { numRuns: runs, seed: 42 },
    );
  });

  it('passes filter text only as parameters', () => {
    const filter = parseFilter(`userName eq "x'; DROP TABLE scim_users; --"`);
    const query = db
      .selectFrom('scim_users')
      .select('id')
      .where(translateFilter(filter, userSqlTarget))
      .compile();

    expect(query.sql).not.toContain('DROP');
    expect(query.parameters).toContain(`x'; DROP TABLE scim_users; --`);
  });
});
