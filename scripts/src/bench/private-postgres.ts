import { execFile } from 'node:child_process';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './free-port';

const run = promisify(execFile);

export interface PrivatePostgres {
  /** Maintenance database URL, for CREATE DATABASE. */
  readonly adminUrl: string;
  stop(): Promise<void>;
}

/**
 * A PostgreSQL server of the bench's own on a free loopback port, so that
 * no other user's long transaction holds back the cluster-wide xmin that
 * every Roster projection reads below. As root it runs as `postgres`.
 * @throws Error when initdb or pg_ctl fail (not installed, no such user)
 */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const dir = await mkdtemp(join(tmpdir(), 'roster-bench-pg-'));
  const data = join(dir, 'data');
  const asPostgres = userInfo().uid === 0;
  const ids = asPostgres ? await idsOf('postgres') : undefined;
  if (ids) await chown(dir, ids.uid, ids.gid);
  const pg = (command: string, args: string[]) =>
    asPostgres
      ? run('runuser', ['-u', 'postgres', '--', command, ...args])
      : run(command, args);

  try {
    await pg('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust']);
    const port = await freePort();
    const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir}`;
    const log = join(dir, 'server.log');
    await pg('pg_ctl', ['-D', data, '-l', log, '-w', '-o', options, 'start']);
    return {
      adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
      stop: async () => {
        await pg('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

async function idsOf(user: string): Promise<{ uid: number; gid: number }> {
  const [uid, gid] = await Promise.all([
    run('id', ['-u', user]),
    run('id', ['-g', user]),
  ]);
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}
