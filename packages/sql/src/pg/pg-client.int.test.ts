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

  it('prepares every parameterised statement under a name of its text', async () => {
    const sql = createPgClient(database.url, { max: 1 });
    const text = 'SELECT $1::int + 1 AS next';

    await sql.query(text, [1]);
    await sql.transaction((tx) => tx.query(text, [2]));
    const prepared = await sql.query<{ name: string }>(
      'SELECT name FROM pg_prepared_statements WHERE statement = $1',
      [text],
    );
    await sql.close();

    expect(prepared.rows).toHaveLength(1);
    expect(prepared.rows[0]?.name).toMatch(/^r_[0-9a-f]{24}$/);
  });

  it('recovers when a table changes under a prepared statement', async () => {
    const sql = createPgClient(database.url, { max: 1 });
    await sql.query('CREATE TABLE reshaped (a int)');
    await sql.query('INSERT INTO reshaped VALUES (1)');
    const read = (
      tx: typeof sql | Parameters<Parameters<typeof sql.transaction>[0]>[0],
    ) =>
      tx.query<Record<string, number>>(
        'SELECT * FROM reshaped WHERE a = $1',
        [1],
      );

    await sql.transaction(read);
    await sql.query('ALTER TABLE reshaped ADD COLUMN b int DEFAULT 2');
    const stale = await sql.transaction(read).then(
      () => 'no error',
      (error: unknown) => (error as { code?: string }).code,
    );
    const fresh = await sql.transaction(read);
    await sql.query('DROP TABLE reshaped');
    await sql.close();

    expect(stale).toBe('0A000');
    expect(fresh.rows).toEqual([{ a: 1, b: 2 }]);
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

  it('tells a listener once when its connection drops, and can listen again', async () => {
    const sql = createPgClient(database.url);
    let lost = 0;
    const heard: string[] = [];
    await sql.listen(
      'drop_test',
      (payload) => heard.push(payload),
      () => {
        lost += 1;
      },
    );

    await sql.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
       WHERE datname = current_database() AND query = 'LISTEN drop_test'`,
    );
    while (lost === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    await sql.listen('drop_test', (payload) => heard.push(payload));
    await sql.query("SELECT pg_notify('drop_test', 'again')");
    while (heard.length === 0) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await sql.close();

    expect(lost).toBe(1);
    expect(heard).toEqual(['again']);
  });

  it('holds a session advisory lock on its own connection until unlocked', async () => {
    const sql = createPgClient(database.url);
    const first = await sql.openSession();
    const second = await sql.openSession();
    const take = async (session: typeof first) => {
      const { rows } = await session.query<{ taken: boolean }>(
        'SELECT pg_try_advisory_lock(7, 1) AS taken',
      );
      return rows[0]?.taken;
    };

    const byFirst = await take(first);
    const bySecond = await take(second);
    await first.query('SELECT pg_advisory_unlock(7, 1)');
    const afterUnlock = await take(second);
    const lost = first.lost;
    await first.close();
    await second.close();
    await sql.close();

    expect([byFirst, bySecond, afterUnlock]).toEqual([true, false, true]);
    expect(lost).toBe(false);
  });

  it('reports a missing database as unavailable', async () => {
    const url = new URL(database.url);
    url.pathname = '/roster_test_missing';
    const sql = createPgClient(url.toString());

    await expect(sql.query('SELECT 1')).rejects.toThrow(SqlUnavailableError);
    await sql.close();
  });
});
