import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeSqlClient } from '../testing/describe-sql-client';
import { DataDirLockedError, SqlUnavailableError } from '../sql-errors';
import type { SqlClient } from '../sql-client';
import { createPgliteClient } from './pglite-client';

// Each PGlite start compiles its WebAssembly: seconds, not milliseconds.
jest.setTimeout(60_000);

describeSqlClient('pglite in memory', () => createPgliteClient());

const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

describe('createPgliteClient', () => {
  let sql: SqlClient;

  beforeAll(async () => {
    sql = await createPgliteClient();
    await sql.query('CREATE TABLE steps (n serial, flow text, step text)');
  });

  afterAll(() => sql.close());

  it('never interleaves transactions of separate async flows', async () => {
    const log: string[] = [];
    const flow = (name: string, pause: number) =>
      sql.transaction(async (tx) => {
        log.push(`${name} begin`);
        await tx.query('INSERT INTO steps (flow, step) VALUES ($1, $2)', [
          name,
          'one',
        ]);
        await sleep(pause);
        await tx.query('INSERT INTO steps (flow, step) VALUES ($1, $2)', [
          name,
          'two',
        ]);
        log.push(`${name} end`);
      });

    await Promise.all([flow('a', 30), flow('b', 0), flow('c', 10)]);

    expect(log).toEqual([
      'a begin',
      'a end',
      'b begin',
      'b end',
      'c begin',
      'c end',
    ]);
  });

  it('runs a plain query only after the open transaction ends', async () => {
    let count: number | undefined;
    const transaction = sql.transaction(async (tx) => {
      await tx.query("INSERT INTO steps (flow, step) VALUES ('t', 'x')");
      await sleep(30);
      await tx.query('ROLLBACK');
      await tx.query('BEGIN');
    });
    const plain = sleep(5).then(async () => {
      const { rows } = await sql.query<{ count: number }>(
        "SELECT count(*)::int AS count FROM steps WHERE flow = 't'",
      );
      count = rows[0]?.count;
    });

    await Promise.all([transaction, plain]);

    expect(count).toBe(0);
  });

  it('lets timers run during a long chain of statements', async () => {
    const started = performance.now();
    let firedAfter: number | undefined;
    setTimeout(() => (firedAfter = performance.now() - started), 0);

    await sql.transaction(async (tx) => {
      for (let i = 0; i < 500; i++) await tx.query('SELECT $1::int', [i]);
    });
    for (let i = 0; i < 2000; i++) await sql.query('SELECT $1::int', [i]);
    const chainMs = performance.now() - started;

    expect(firedAfter).toBeDefined();
    expect(firedAfter!).toBeLessThan(chainMs / 2);
  });

  it('reports a closed client as unavailable', async () => {
    const closing = await createPgliteClient();
    await closing.close();

    await expect(closing.query('SELECT 1')).rejects.toThrow(
      SqlUnavailableError,
    );
  });
});

describe('createPgliteClient with a data directory', () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'roster-pglite-'));
  });

  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('keeps data across close and reopen', async () => {
    const first = await createPgliteClient({ dataDir });
    await first.query('CREATE TABLE kept (v text)');
    await first.query("INSERT INTO kept VALUES ('still here')");
    await first.close();

    const second = await createPgliteClient({ dataDir });
    const { rows } = await second.query<{ v: string }>('SELECT v FROM kept');
    await second.close();

    expect(rows).toEqual([{ v: 'still here' }]);
  });

  it('refuses a second open of the same directory in one process', async () => {
    const first = await createPgliteClient({ dataDir });

    const second = createPgliteClient({ dataDir });

    await expect(second).rejects.toThrow(DataDirLockedError);
    await expect(second).rejects.toThrow(`process ${process.pid}`);
    await first.close();
  });
});
