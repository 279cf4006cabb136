import { sqlStateOf } from '../sql-errors';
import type { SqlClient } from '../sql-client';

/** Behaviour every SqlClient shares; registers jest tests. */
export function describeSqlClient(
  name: string,
  open: () => Promise<SqlClient>,
): void {
  describe(`SqlClient: ${name}`, () => {
    let sql: SqlClient;

    beforeAll(async () => {
      sql = await open();
      await sql.query('CREATE TABLE IF NOT EXISTS items (id int PRIMARY KEY)');
    });

    beforeEach(() => sql.query('DELETE FROM items'));

    afterAll(() => sql.close());

    it('binds parameters and returns typed rows', async () => {
      const { rows } = await sql.query<{ sum: number; text: string }>(
        'SELECT $1::int + $2::int AS sum, $3::text AS text',
        [1, 2, "it's"],
      );

      expect(rows).toEqual([{ sum: 3, text: "it's" }]);
    });

    it('runs a statement prepared by name again with other parameters', async () => {
      const text = 'SELECT $1::int * 2 AS doubled';
      const options = { name: 'roster_test_doubled' };
      const inTransaction = await sql.transaction((tx) =>
        tx.query<{ doubled: number }>(text, [5], options),
      );
      const sums = await Promise.all(
        [1, 2, 3].map((n) =>
          sql.query<{ doubled: number }>(text, [n], options),
        ),
      );

      expect(inTransaction.rows).toEqual([{ doubled: 10 }]);
      expect(sums.map((r) => r.rows)).toEqual([
        [{ doubled: 2 }],
        [{ doubled: 4 }],
        [{ doubled: 6 }],
      ]);
    });

    it('counts the rows a write changed', async () => {
      const insert = await sql.query(
        'INSERT INTO items (id) VALUES ($1), ($2)',
        [1, 2],
      );
      const select = await sql.query('SELECT * FROM items');

      expect(insert.affectedRows).toBe(2);
      expect(select.affectedRows).toBe(0);
    });

    it('commits a transaction that resolves', async () => {
      await sql.transaction(async (tx) => {
        await tx.query('INSERT INTO items (id) VALUES (1)');
      });

      expect(await ids(sql)).toEqual([1]);
    });

    it('rolls back a transaction that throws', async () => {
      const failing = sql.transaction(async (tx) => {
        await tx.query('INSERT INTO items (id) VALUES (1)');
        throw new Error('boom');
      });

      await expect(failing).rejects.toThrow('boom');
      expect(await ids(sql)).toEqual([]);
    });

    it('rolls back only the savepoint of a nested transaction', async () => {
      await sql.transaction(async (tx) => {
        await tx.query('INSERT INTO items (id) VALUES (1)');
        await tx
          .transaction(async (inner) => {
            await inner.query('INSERT INTO items (id) VALUES (2)');
            throw new Error('inner');
          })
          .catch(() => undefined);
      });

      expect(await ids(sql)).toEqual([1]);
    });

    it('keeps the SQLSTATE of a failed statement', async () => {
      await sql.query('INSERT INTO items (id) VALUES (1)');

      const error: unknown = await sql
        .query('INSERT INTO items (id) VALUES (1)')
        .catch((caught: unknown) => caught);

      expect(sqlStateOf(error)).toBe('23505');
    });

    it('delivers a notification sent by a committed transaction', async () => {
      const payloads: string[] = [];
      let heard: () => void = () => undefined;
      const delivered = new Promise<void>((resolve) => (heard = resolve));
      const stop = await sql.listen('items_changed', (payload) => {
        payloads.push(payload);
        heard();
      });

      await sql.transaction(async (tx) => {
        await tx.query("SELECT pg_notify('items_changed', $1)", ['hi']);
      });
      await delivered;
      await stop();

      expect(payloads).toEqual(['hi']);
    });

    it('hears nothing after the listener stopped', async () => {
      const payloads: string[] = [];
      const stop = await sql.listen('items_changed', (payload) => {
        payloads.push(payload);
      });
      await stop();

      await sql.query("SELECT pg_notify('items_changed', 'late')");
      await new Promise((resolve) => setTimeout(resolve, 50));

      expect(payloads).toEqual([]);
    });

    it('refuses a channel name that is not a plain identifier', async () => {
      await expect(sql.listen('x; DROP TABLE items', () => {})).rejects.toThrow(
        TypeError,
      );
    });
  });
}

async function ids(sql: SqlClient): Promise<number[]> {
  const { rows } = await sql.query<{ id: number }>(
    'SELECT id FROM items ORDER BY id',
  );
  return rows.map((row) => row.id);
}
