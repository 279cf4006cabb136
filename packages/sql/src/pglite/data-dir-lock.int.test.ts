import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { DataDirLockedError } from '../sql-errors';
import { createPgliteClient } from './pglite-client';

// Each PGlite start compiles its WebAssembly: seconds, not milliseconds.
jest.setTimeout(60_000);

const repoRoot = resolve(__dirname, '../../../..');
const holder = resolve(__dirname, '../testing/hold-data-dir.ts');

interface Holder {
  readonly child: ChildProcessWithoutNullStreams;
  readonly firstLine: Promise<string>;
  readonly exitCode: Promise<number | null>;
}

function startHolder(dataDir: string): Holder {
  const child = spawn(process.execPath, ['--import', 'tsx', holder, dataDir], {
    cwd: repoRoot,
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  const lines = createInterface({ input: child.stdout });
  const firstLine = new Promise<string>((done) => lines.once('line', done));
  const exitCode = new Promise<number | null>((done) =>
    child.once('exit', done),
  );
  return { child, firstLine, exitCode };
}

describe('PGlite data directory lock', () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'roster-lock-'));
  });

  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('refuses this process while another process holds the directory', async () => {
    const other = startHolder(dataDir);
    expect(await other.firstLine).toBe('ready');

    const opening = createPgliteClient({ dataDir });

    await expect(opening).rejects.toThrow(DataDirLockedError);
    await expect(opening).rejects.toThrow(
      `PGlite data directory ${dataDir} is in use by process ${other.child.pid}`,
    );
    other.child.stdin.end();
    expect(await other.exitCode).toBe(0);
  });

  it('refuses another process while this one holds the directory', async () => {
    const client = await createPgliteClient({ dataDir });

    const other = startHolder(dataDir);

    expect(await other.firstLine).toBe(
      `PGlite data directory ${dataDir} is in use by process ${process.pid}`,
    );
    expect(await other.exitCode).toBe(3);
    await client.close();
  });

  it('lets the next process in once the holder has closed', async () => {
    const first = startHolder(dataDir);
    expect(await first.firstLine).toBe('ready');
    first.child.stdin.end();
    await first.exitCode;

    const client = await createPgliteClient({ dataDir });

    await client.close();
  });

  it('takes over a lock whose process is dead', async () => {
    const dead = spawn(process.execPath, ['-e', '0']);
    await new Promise((done) => dead.once('exit', done));
    await writeFile(join(dataDir, 'roster.lock'), `${dead.pid}\n`);

    const client = await createPgliteClient({ dataDir });
    const { rows } = await client.query<{ one: number }>('SELECT 1 AS one');

    expect(rows).toEqual([{ one: 1 }]);
    await client.close();
  });
});
