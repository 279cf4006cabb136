import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  runServer,
  waitUntilHealthy,
} from '../../../services/all-in-one/src/testing';
import { parseSession, replaySession } from '../replay';

const run = promisify(execFile);
const root = join(__dirname, '../../..');
const port = 19_000 + (process.pid % 1000);
const token = 'bootstrap-scim-token-0123456789';

describe('pnpm roster projections', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'roster-cli-'));
    const server = runServer({
      ROSTER_DATA_DIR: dataDir,
      PORT: String(port),
      ROSTER_BOOTSTRAP_TENANT: 'acme',
      ROSTER_BOOTSTRAP_SCIM_TOKEN: token,
    });
    await waitUntilHealthy(server, port);
    const steps = parseSession(
      await readFile(join(root, 'scripts/sessions/okta-cycle.ndjson'), 'utf8'),
    );
    await replaySession(steps, {
      url: `http://127.0.0.1:${port}/scim/v2`,
      token,
    });
    server.child.kill('SIGTERM');
    await server.exited;
  });

  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  const roster = (...args: string[]) =>
    run(
      join(root, 'node_modules/.bin/tsx'),
      [
        join(root, 'scripts/src/roster/main.ts'),
        ...args,
        '--data-dir',
        dataDir,
      ],
      { cwd: root },
    );

  it('rebuilds a projection into a fresh schema and switches to it', async () => {
    const before = await roster('projections', 'status');
    const rebuilt = await roster('projections', 'rebuild', 'scim_resources');
    const after = await roster('projections', 'status');

    expect(before.stdout).toMatch(
      /^scim_resources\s+v1\s+active\s+0\s+\S+\s+0\s+0\.0\s+ok$/m,
    );
    expect(rebuilt.stdout).toMatch(
      /^scim_resources v1 now serves from scim_resources_v1_\w+; dropped scim_resources_v1$/m,
    );
    expect(after.stdout).toMatch(
      /^scim_resources\s+v1\s+active\s+0\s+\S+\s+0\s+0\.0\s+ok$/m,
    );
    expect(after.stdout).not.toMatch(/stopped/);
  });
});
