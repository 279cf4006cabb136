import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  runServer,
  waitUntilHealthy,
} from '../../../services/all-in-one/src/testing';
import { openStores } from '../../../packages/composition/src/index';
import { streams } from '../../../packages/ledger/src/index';
import { appendOf } from '../../../packages/projection-runtime/src/testing/index';
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

  it('verifies a tenant, and fails on a tenant that does not exist', async () => {
    const verified = await roster('audit', 'verify', '--tenant', 'acme');
    const unknown = await roster('audit', 'verify', '--tenant', 'nosuch').catch(
      (error: { code: number; stderr: string }) => error,
    );

    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true });
    expect(unknown).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('no tenant nosuch'),
    });
  });

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

  it('names the event a projection stopped at and skips it, audited', async () => {
    // A name too long to index: the ingress refuses it, so append it here.
    await appendPoison(dataDir);
    await runUntilStopped(dataDir);

    const stopped = await roster('projections', 'status').catch(
      (failure: { code: number; stdout: string }) => failure,
    );
    const eventId = /stopped at (\S+):/.exec(stopped.stdout)?.[1] ?? '';
    const stoppedNames = [
      ...stopped.stdout.matchAll(/^(\w+)\s.*stopped at/gm),
    ].map((match) => match[1] ?? '');
    const refused = await roster(
      'projections',
      'skip',
      'scim_resources',
      eventId,
    ).catch((failure: { code: number }) => failure);
    const skips = [];
    for (const name of stoppedNames) {
      skips.push(
        await roster(
          'projections',
          'skip',
          name,
          eventId,
          '--reason',
          'test poison',
        ),
      );
    }
    const after = await roster('projections', 'status');

    expect('code' in stopped && stopped.code).toBe(1);
    expect(stoppedNames).toContain('scim_resources');
    expect('code' in refused && refused.code).toBe(2);
    expect(skips.map((skip) => skip.stdout)).toEqual(
      stoppedNames.map((name) =>
        expect.stringContaining(
          `${name} passed event ${eventId}; the skip is recorded at `,
        ),
      ),
    );
    expect(after.stdout).not.toMatch(/stopped/);
  });
});

async function appendPoison(dataDir: string): Promise<void> {
  const stores = await openStores({
    mode: 'embedded',
    eventStore: 'embedded',
    DATABASE_URL: undefined,
    KURRENTDB_URL: undefined,
    dataDir,
  });
  // Random, so that PostgreSQL cannot compress it under the index limit.
  const displayName = randomBytes(6000).toString('base64');
  await stores.eventStore.appendMany([
    appendOf('acme', streams.group('acme', 'g-poison'), [
      {
        type: 'GroupCreated',
        data: { groupId: 'g-poison', displayName, resource: { displayName } },
      },
    ]),
  ]);
  await stores.close();
}

/** Runs the server on the data dir until /readyz reports a stopped projection. */
async function runUntilStopped(dataDir: string): Promise<void> {
  const server = runServer({ ROSTER_DATA_DIR: dataDir, PORT: String(port) });
  await waitUntilHealthy(server, port);

  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (reply) => reply.text(),
      () => '',
    );
    if (ready.includes('ProjectionStopped')) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  server.child.kill('SIGTERM');
  await server.exited;
}
