import { sql as raw, type Kysely } from 'kysely';
import { createKysely } from '../create-kysely';
import type { SqlClient } from '../sql-client';
import { createPgliteClient } from './pglite-client';
import type { WriteCounter } from './write-counter';

// Each PGlite start compiles its WebAssembly: seconds, not milliseconds.
jest.setTimeout(60_000);

interface DB {
  notes: { id: number; body: string };
}

let client: SqlClient;
let counter: WriteCounter;
let db: Kysely<DB>;

beforeAll(async () => {
  client = await createPgliteClient();
  counter = client.writeCounter!;
  db = createKysely<DB>(client);
  await client.query('CREATE TABLE notes (id int PRIMARY KEY, body text)');
});

afterAll(async () => {
  await db.destroy();
  await client.close();
});

/** How far `run` moved the counter. */
async function movedBy(run: () => Promise<unknown>): Promise<number> {
  const before = counter.writes;
  await run();
  return counter.writes - before;
}

describe('the PGlite write counter', () => {
  it('moves at the start and the end of a statement', async () => {
    const insert = client.query('INSERT INTO notes VALUES (1, $1)', ['a']);
    expect(counter.writing).toBe(1);
    await insert;

    expect(counter.writing).toBe(0);
    expect(
      await movedBy(() => client.query('DELETE FROM notes WHERE id = 1')),
    ).toBe(2);
  });

  it('counts a whole transaction as one write, until it commits', async () => {
    let writingInside = 0;
    const moved = await movedBy(() =>
      client.transaction(async (tx) => {
        await tx.query("INSERT INTO notes VALUES (2, 'b')");
        await tx.query("UPDATE notes SET body = 'c' WHERE id = 2");
        writingInside = counter.writing;
      }),
    );

    expect(moved).toBe(2);
    expect(writingInside).toBe(1);
    expect(counter.writing).toBe(0);
  });

  it('counts a failed statement and a rolled-back transaction', async () => {
    const before = counter.writes;

    await expect(
      client.query('INSERT INTO nowhere VALUES (1)'),
    ).rejects.toThrow('nowhere');
    await expect(
      client.transaction(() => Promise.reject(new Error('stop'))),
    ).rejects.toThrow('stop');

    expect(counter.writes - before).toBe(4);
    expect(counter.writing).toBe(0);
  });

  it('counts statements of a session', async () => {
    const session = await client.openSession();

    expect(await movedBy(() => session.query('SELECT 1'))).toBe(2);
    await session.close();
  });

  it('leaves out a statement marked read-only', async () => {
    const moved = await movedBy(() =>
      client.query('SELECT count(*) FROM notes', [], { readOnly: true }),
    );

    expect(moved).toBe(0);
  });

  it('leaves out a plain SELECT built with kysely, not one that could write', async () => {
    const plain = await movedBy(() =>
      db.selectFrom('notes').selectAll().execute(),
    );
    const withClause = await movedBy(() =>
      db
        .with('n', (q) => q.selectFrom('notes').select('id'))
        .selectFrom('n')
        .selectAll()
        .execute(),
    );
    const rawSelect = await movedBy(() => raw`SELECT 1`.execute(db));
    const rawPart = await movedBy(() =>
      db.selectNoFrom(raw<number>`1`.as('one')).execute(),
    );
    const call = await movedBy(() =>
      db
        .selectFrom('notes')
        .select((eb) => eb.fn<string>('upper', ['body']).as('loud'))
        .execute(),
    );
    const insert = await movedBy(() =>
      db.insertInto('notes').values({ id: 3, body: 'd' }).execute(),
    );

    expect([plain, withClause, rawSelect, rawPart, call, insert]).toEqual([
      0, 2, 2, 2, 2, 2,
    ]);
  });
});
