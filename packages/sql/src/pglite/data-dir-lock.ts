import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DataDirLockedError } from '../sql-errors';

const LOCK_FILE = 'roster.lock';

/**
 * Claims `dataDir` for this process: PGlite has no lock of its own and
 * two processes on one directory corrupt it. A lock whose process is dead
 * is taken over. Throws DataDirLockedError; resolves to a release function.
 */
export async function lockDataDir(
  dataDir: string,
): Promise<() => Promise<void>> {
  const dir = resolve(dataDir);
  const lockPath = join(dir, LOCK_FILE);
  await mkdir(dir, { recursive: true });

  if (!(await createLock(lockPath))) {
    const holder = await readHolder(lockPath);
    if (holder !== null && isAlive(holder)) {
      throw new DataDirLockedError(dir, holder);
    }
    await takeOver(dir, lockPath, holder);
  }

  return () => releaseLock(lockPath);
}

/** Atomic create-with-content: link(2) fails with EEXIST like O_EXCL. */
async function createLock(lockPath: string): Promise<boolean> {
  const draft = `${lockPath}.${process.pid}`;
  await writeFile(draft, `${process.pid}\n`, { flag: 'w' });

  try {
    await link(draft, lockPath);
    return true;
  } catch (error) {
    if (codeOf(error) === 'EEXIST') return false;
    throw error;
  } finally {
    await rm(draft, { force: true });
  }
}

async function takeOver(
  dir: string,
  lockPath: string,
  stalePid: number | null,
): Promise<void> {
  // TODO(limit): a crash during the takeover itself leaves
  // roster.lock.takeover behind; it must then be removed by hand.
  const guard = `${lockPath}.takeover`;
  if (!(await createExclusive(guard))) {
    throw new DataDirLockedError(dir, stalePid);
  }

  try {
    const holder = await readHolder(lockPath);
    if (holder !== null && isAlive(holder)) {
      throw new DataDirLockedError(dir, holder);
    }

    await rm(lockPath, { force: true });
    if (!(await createLock(lockPath))) {
      throw new DataDirLockedError(dir, await readHolder(lockPath));
    }
  } finally {
    await rm(guard, { force: true });
  }
}

async function createExclusive(path: string): Promise<boolean> {
  try {
    await writeFile(path, `${process.pid}\n`, { flag: 'wx' });
    return true;
  } catch (error) {
    if (codeOf(error) === 'EEXIST') return false;
    throw error;
  }
}

async function releaseLock(lockPath: string): Promise<void> {
  if ((await readHolder(lockPath)) === process.pid) {
    await rm(lockPath, { force: true });
  }
}

async function readHolder(lockPath: string): Promise<number | null> {
  const text = await readFile(lockPath, 'utf8').catch(() => '');
  const pid = Number.parseInt(text.trim(), 10);
  return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
}

// TODO(limit): a dead holder's pid reused by an unrelated process keeps
// the lock; the error names the pid so an operator can check.
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return codeOf(error) === 'EPERM';
  }
}

function codeOf(error: unknown): unknown {
  return (error as { code?: unknown } | null)?.code;
}
