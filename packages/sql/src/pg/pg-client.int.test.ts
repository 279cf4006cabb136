import {
  createTestDatabase,
  type TestDatabase,
} from '@roster/read-store/testing';
import { describeSqlClient } from '../testing/describe-sql-client';
import { SqlUnavailableError } from '../sql-errors';
import { createPgClient } from './pg-client';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(() => database.drop());

describeSqlClient('pg', () => Promise.resolve(createPgClient(database.url)));

describe('createPgClient', () => {
  it('keeps idle-in-transaction sessions short on every connection', async () => {
    const sql = createPgClient(database.url, {
      idleInTransactionTimeoutMs: 1500,
    });

    const settings = await sql.transaction((tx) =>
      tx.query<{ idle_in_transaction_session_timeout: string }>(
        'SHOW idle_in_transaction_session_timeout',
      ),
    );
    await sql.close();

    expect(settings.rows[0]?.idle_in_transaction_session_timeout).toBe(
      '1500ms',
    );
  });

  it('prepares a named statement once per connection and binds fresh values', async () => {
    const sql = createPgClient(database.url, { max: 2 });
    const text = 'SELECT $1::int * 2 AS doubled';

    const answers = await Promise.all(
      [1, 2, 3, 4, 5, 6].map((n) =>
        sql.query<{ doubled: number }>(text, [n], { name: 'doubled' }),
      ),
    );
    const prepared = await sql.query<{ count: string }>(
      "SELECT count(*) FROM pg_prepared_statements WHERE name = 'doubled'",
      [],
      { name: 'count_doubled' },
    );
    await sql.close();

    expect(answers.map((a) => a.rows[0]?.doubled)).toEqual([
      2, 4, 6, 8, 10, 12,
    ]);
    expect(prepared.rows[0]?.count).toBe('1');
  });

  it('reports a server that cannot be reached as unavailable', async () => {
    const sql = createPgClient('postgres://postgres@127.0.0.1:1/none');

    await expect(sql.query('SELECT 1')).rejects.toThrow(SqlUnavailableError);
    await expect(sql.transaction(() => Promise.resolve(1))).rejects.toThrow(
      SqlUnavailableError,
    );
    await sql.close();
  });

  it('reports a closed client as unavailable', async () => {
    const sql = createPgClient(database.url);
    await sql.close();

    await expect(sql.query('SELECT 1')).rejects.toThrow(SqlUnavailableError);
  });

  it('reports a missing database as unavailable', async () => {
    const url = new URL(database.url);
    url.pathname = '/roster_test_missing';
    const sql = createPgClient(url.toString());

    await expect(sql.query('SELECT 1')).rejects.toThrow(SqlUnavailableError);
    await sql.close();
  });
});
