import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openAccessApp, type AccessApp } from '@roster/access-api/testing';
import {
  createTestDatabase,
  type TestDatabase,
} from '@roster/read-store/testing';
import {
  tenantActions,
  type TenantActions,
} from '@roster/projection-effective-permissions/testing';
import { PermissionsClientError } from './client-error';
import { LocalChecker } from './local-checker';
import {
  createPermissionsClient,
  type PermissionsClient,
} from './permissions-client';

let database: TestDatabase;
let api: AccessApp;
let server: Server;
let baseUrl: string;
let client: PermissionsClient;
let a: TenantActions;

beforeAll(async () => {
  database = await createTestDatabase();
  api = await openAccessApp(database.url);
  server = api.app.listen(0, '127.0.0.1');
  baseUrl = await urlOf(server);
  client = createPermissionsClient({ baseUrl, token: api.operatorToken });
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await api.close();
  await database.drop();
});

beforeEach(async () => {
  a = tenantActions(api.harness, await api.harness.tenant());
});

async function urlOf(listening: Server): Promise<string> {
  if (!listening.listening) {
    await new Promise((resolve) => listening.once('listening', resolve));
  }
  return `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;
}

/** A local server that answers each request with the next of `replies`. */
async function scripted(replies: [number, string][]): Promise<{
  url: string;
  hits: () => number;
  close: () => Promise<void>;
}> {
  let hits = 0;
  const fake = createServer((_req, res) => {
    const [status, body] = replies[Math.min(hits++, replies.length - 1)] ?? [];
    if (status === 0) return; // never answers
    res.writeHead(status ?? 500, { 'content-type': 'application/json' });
    res.end(body);
  }).listen(0, '127.0.0.1');
  const url = await urlOf(fake);
  return {
    url,
    hits: () => hits,
    close: () => {
      fake.closeAllConnections();
      return new Promise((resolve) => fake.close(() => resolve()));
    },
  };
}

describe('HTTP client', () => {
  it('checks one and many', async () => {
    const ann = await a.user('ann');
    await a.grant(ann, 'p');

    const one = await client.check(a.tenantId, {
      user: { userId: ann },
      permission: 'p',
    });
    expect(one).toEqual({
      allowed: true,
      sources: [{ kind: 'direct' }],
      userId: ann,
    });
    const many = await client.checkMany(a.tenantId, [
      { user: { userName: 'ANN' }, permission: 'p' },
      { user: { userId: 'ghost' }, permission: 'p' },
    ]);
    expect(many.map((x) => x.allowed)).toEqual([true, false]);
    expect(many[1]?.reason).toBe('unknown-user');
  });

  it('rejects a refused token without retrying', async () => {
    const bad = createPermissionsClient({ baseUrl, token: 'rst_svc_nope' });
    await expect(
      bad.check(a.tenantId, { user: { userId: 'u' }, permission: 'p' }),
    ).rejects.toMatchObject({ kind: 'refused', status: 401 });
  });

  it('retries a 5xx, then succeeds', async () => {
    const ok = JSON.stringify({ allowed: true, sources: [] });
    const fake = await scripted([
      [503, '{}'],
      [502, '{}'],
      [200, ok],
    ]);
    const retrying = createPermissionsClient({
      baseUrl: fake.url,
      token: 't',
      retry: { retries: 2, baseMs: 1 },
    });

    const answer = await retrying.check('t', {
      user: { userId: 'u' },
      permission: 'p',
    });
    expect(answer.allowed).toBe(true);
    expect(fake.hits()).toBe(3);
    await fake.close();
  });

  it('never reads a timeout or a strange answer as allowed', async () => {
    const silent = await scripted([[0, '']]);
    const slow = createPermissionsClient({
      baseUrl: silent.url,
      token: 't',
      timeoutMs: 50,
      retry: { retries: 1, baseMs: 1 },
    });
    await expect(
      slow.check('t', { user: { userId: 'u' }, permission: 'p' }),
    ).rejects.toMatchObject({ kind: 'timeout' });
    await silent.close();

    const odd = await scripted([[200, '{"allowed":"yes","sources":[]}']]);
    const strange = createPermissionsClient({ baseUrl: odd.url, token: 't' });
    await expect(
      strange.check('t', { user: { userId: 'u' }, permission: 'p' }),
    ).rejects.toBeInstanceOf(PermissionsClientError);
    await odd.close();
  });
});

describe('in-process checker', () => {
  let checker: LocalChecker;

  beforeEach(async () => {
    checker = new LocalChecker({
      client: api.harness.client,
      tenantId: a.tenantId,
      fallback: client,
      heartbeatMs: 50,
    });
    await checker.start();
  });

  afterEach(() => checker.close());

  it('is never stale once a write returned, and answers locally again', async () => {
    const ann = await a.user('ann');
    for (const granted of [true, false, true]) {
      await a.grant(ann, 'p', granted);
      const local = checker.checkLocal({ userId: ann }, 'p');
      if (local) expect(local.allowed).toBe(granted);
      expect((await checker.check({ userId: ann }, 'p')).allowed).toBe(granted);
    }

    await checker.settled();
    expect(checker.checkLocal({ userId: ann }, 'p')?.allowed).toBe(true);
    await a.setActive(ann, false);
    expect(await checker.isAllowed({ userName: 'ann' }, 'p')).toBe(false);
    expect(checker.stats().mode).toBe('live');
  });

  it('finds a user in memory by any case or Unicode form of the name', async () => {
    const rene = await a.user('Rene\u0301');
    await a.grant(rene, 'p', true);
    await checker.settled();

    const local = ['RENÉ', 'rene\u0301'].map((userName) =>
      checker.checkLocal({ userName }, 'p'),
    );

    expect(local.map((answer) => answer?.allowed && answer.userId)).toEqual([
      rene,
      rene,
    ]);
  });

  it('reloads everything after a missed notice', async () => {
    const ann = await a.user('ann');
    await a.grant(ann, 'p');
    await checker.settled();
    const before = checker.stats().fullReloads;

    const fake = JSON.stringify({
      tenantId: a.tenantId,
      version: 999,
      users: [],
    });
    await api.harness.client.query('SELECT pg_notify($1, $2)', [
      'roster_permissions_changed',
      fake,
    ]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await checker.settled();

    expect(checker.stats().fullReloads).toBeGreaterThan(before);
    expect(checker.checkLocal({ userId: ann }, 'p')?.allowed).toBe(true);
  });

  it('fails closed when neither memory nor the API can answer', async () => {
    const dead = createPermissionsClient({
      baseUrl: 'http://127.0.0.1:1',
      token: 't',
      retry: { retries: 0 },
    });
    const cold = new LocalChecker({
      client: api.harness.client,
      tenantId: a.tenantId,
      fallback: dead,
    });

    expect(cold.checkLocal({ userId: 'u' }, 'p')).toBeUndefined();
    expect(await cold.isAllowed({ userId: 'u' }, 'p')).toBe(false);
    await expect(cold.check({ userId: 'u' }, 'p')).rejects.toMatchObject({
      kind: 'unavailable',
    });
    await cold.close();
  });
});
