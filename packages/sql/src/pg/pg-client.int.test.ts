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
