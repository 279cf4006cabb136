import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runServer, waitUntilHealthy } from './testing';

const port = 18_000 + (process.pid % 1000);
const bootstrap = {
  ROSTER_BOOTSTRAP_TENANT: 'acme',
  ROSTER_BOOTSTRAP_SCIM_TOKEN: 'bootstrap-scim-token-0123456789',
};

describe('the all-in-one server process', () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'roster-e2e-'));
  });

  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('starts embedded, makes a 0600 operator token, honours the bootstrap tenant across restarts, and stops on SIGTERM', async () => {
    for (let start = 0; start < 2; start++) {
      const server = runServer({
        ROSTER_DATA_DIR: dataDir,
        PORT: String(port),
        ...bootstrap,
      });
      await waitUntilHealthy(server, port);

      const list = await fetch(`http://127.0.0.1:${port}/scim/v2/Users`, {
        headers: {
          Authorization: `Bearer ${bootstrap.ROSTER_BOOTSTRAP_SCIM_TOKEN}`,
        },
      });
      expect(list.status).toBe(200);

      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    }

    const tokenFile = join(dataDir, 'admin-token');
    expect((await stat(tokenFile)).mode & 0o777).toBe(0o600);
    expect((await readFile(tokenFile, 'utf8')).trim()).toMatch(/^rst_op_/);
  });

  it('refuses a second process on the same data directory with one clear line', async () => {
    const first = runServer({ ROSTER_DATA_DIR: dataDir, PORT: String(port) });
    await waitUntilHealthy(first, port);

    const second = runServer({
      ROSTER_DATA_DIR: dataDir,
      PORT: String(port + 1),
    });
    const code = await second.exited;
    first.child.kill('SIGTERM');
    await first.exited;

    expect(code).not.toBe(0);
    expect(second.output().trim()).toMatch(
      new RegExp(
        `^roster: PGlite data directory ${dataDir} is in use by process \\d+$`,
      ),
    );
  });

  it.each([
    [{ PORT: 'eighty' }, /^roster: configuration: PORT: /],
    [
      { ROSTER_EVENT_STORE: 'mongo' },
      /^roster: configuration: ROSTER_EVENT_STORE: /,
    ],
    [
      { DATABASE_URL: 'postgres://127.0.0.1:1/nowhere' },
      /^roster: PostgreSQL unavailable/,
    ],
  ])('stops with one line naming the problem for %j', async (env, line) => {
    const server = runServer({ ROSTER_DATA_DIR: dataDir, ...env });

    const code = await server.exited;

    expect(code).not.toBe(0);
    expect(server.output().trim()).toMatch(line);
    expect(server.output().trim().split('\n')).toHaveLength(1);
  });
});
