import express, { type Express } from 'express';
import request from 'supertest';
import { Readable } from 'node:stream';
import { verifyExport } from '@roster/audit';
import {
  openLedger,
  randomOperations,
  referenceAccess,
  seededRandom,
  writeHistory,
  type HistoryOperation,
  type OpenLedger,
} from '@roster/audit/testing';
import { effectivePermissionsProjection } from '@roster/projection-effective-permissions';
import {
  createEmbeddedDriver,
  createProjectionRuntime,
  type ProjectionDriver,
  type ProjectionRuntime,
} from '@roster/projection-runtime';
import {
  createTenantDirectoryReader,
  tenantDirectoryProjection,
} from '@roster/projection-tenant-directory';
import { openReadStore } from '@roster/read-store';
import {
  createLogger,
  generateToken,
  hashToken,
  requestContext,
} from '@roster/service-kit';
import { randomUUID } from 'node:crypto';
import { createAdminRouter } from '../admin-router';
import { createAuditRouter } from './audit-router';
import { createErasureRouter } from './erasure-router';

const START = new Date('2026-04-01T00:00:00.000Z');
const STEP_MS = 60_000;
const operator = generateToken('rst_op');

let ledger: OpenLedger;
let runtime: ProjectionRuntime;
let driver: ProjectionDriver;
let app: Express;
let operations: HistoryOperation[];
const tokens = new Map<string, string>();

beforeAll(async () => {
  ledger = await openLedger();
  operations = [
    ...randomOperations(seededRandom(5), 'acme', 300, START, STEP_MS),
    ...randomOperations(seededRandom(6), 'globex', 100, START, STEP_MS),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  await writeHistory(ledger.store, operations, ['acme', 'globex']);

  const readStore = await openReadStore({ client: ledger.client });
  runtime = createProjectionRuntime({
    store: ledger.store,
    readStore,
    projections: [effectivePermissionsProjection, tenantDirectoryProjection],
    partitions: 1,
  });
  await runtime.start();
  driver = createEmbeddedDriver(runtime, { sweepMs: 60_000 });
  await driver.start();
  const afterWrite = async (tenantId: string, position: string) => {
    if (position === '') return;
    await driver.waker.wake(tenantId);
    await runtime.waitFor(tenantId, position);
  };
  for (const unit of runtime.units()) await runtime.catchUp(unit);

  app = appOf(ledger, readStore, afterWrite);
  for (const tenantId of ['acme', 'globex']) {
    const issued = await request(app)
      .post(`/admin/v1/tenants/${tenantId}/service-tokens`)
      .set('Authorization', `Bearer ${operator}`)
      .send({ label: 'audit' });
    expect(issued.status).toBe(201);
    tokens.set(tenantId, (issued.body as { token: string }).token);
  }
}, 300_000);

afterAll(async () => {
  await driver.stop();
  await runtime.close();
  await ledger.client.close();
});

function appOf(
  opened: OpenLedger,
  readStore: Awaited<ReturnType<typeof openReadStore>>,
  afterWrite: (tenantId: string, position: string) => Promise<void>,
): Express {
  const operatorTokenHash = hashToken(operator);
  const consistency = { afterWrite };
  const built = express();
  built.use(requestContext(createLogger('silent')));
  built.use(
    '/admin/v1',
    createErasureRouter({
      store: opened.store,
      keyring: opened.keyring,
      consistency,
      operatorTokenHash,
      newId: randomUUID,
    }),
  );
  built.use(
    '/admin/v1',
    createAdminRouter({
      store: opened.store,
      consistency,
      operatorTokenHash,
      newId: randomUUID,
    }),
  );
  built.use(
    '/v1',
    createAuditRouter({
      store: opened.store,
      readDb: readStore.db,
      tokens: createTenantDirectoryReader(readStore.db),
      operatorTokenHash,
      tokenCacheMs: 0,
      batchSize: 100,
    }),
  );
  return built;
}

const get = (path: string, tenant = 'acme') =>
  request(app)
    .get(`/v1/tenants/acme${path}`)
    .set('Authorization', `Bearer ${tokens.get(tenant) ?? ''}`);

const usersOf = (tenantId: string) =>
  operations.flatMap((o) =>
    o.kind === 'createUser' && o.tenantId === tenantId ? [o.userId] : [],
  );

const liveUser = (): string => {
  const deleted = new Set(
    operations.flatMap((o) => (o.kind === 'deleteUser' ? [o.userId] : [])),
  );
  return usersOf('acme').find((u) => !deleted.has(u)) ?? '';
};

const instant = (step: number) => new Date(START.getTime() + step * STEP_MS);

describe('the audit API', () => {
  const paths = () => [
    `/audit/users/${liveUser()}/events`,
    `/audit/users/${liveUser()}/permissions?at=${instant(100).toISOString()}`,
    `/audit/permissions/docs:read/holders?at=${instant(100).toISOString()}`,
    '/audit/export?format=ndjson',
    '/audit/verify',
  ];

  it('refuses another tenant’s token and a missing one on every endpoint', async () => {
    for (const path of paths()) {
      expect((await get(path, 'globex')).status).toBe(403);
      expect((await request(app).get(`/v1/tenants/acme${path}`)).status).toBe(
        401,
      );
      expect((await get(path)).status).toBe(200);
    }
  });

  it('tells a user’s timeline with actor, request, client and changes', async () => {
    const userId = liveUser();
    const response = await get(`/audit/users/${userId}/events`);
    const own = operations.filter((o) => 'userId' in o && o.userId === userId);

    const { events } = response.body as { events: Record<string, unknown>[] };
    expect(events).toHaveLength(own.length);
    expect(events[0]).toMatchObject({
      revision: 0,
      type: 'UserProvisioned',
      summary: 'provisioned by SCIM',
      actor: { kind: 'scim-token', id: 'tok-generated' },
      userAgent: 'Okta SCIM Client 1.0',
      occurredAt: own[0]?.at.toISOString(),
      erased: false,
    });
    expect(events[0]?.['changes']).toContainEqual({
      attribute: 'userName',
      before: null,
      after: `${userId}@example.com`,
    });
  });

  it('answers a user’s permissions at past instants like the reference', async () => {
    const random = seededRandom(3);
    for (let index = 0; index < 20; index += 1) {
      const userId = random.pick(usersOf('acme'));
      const at = instant(random.int(300));
      const response = await get(
        `/audit/users/${userId}/permissions?at=${at.toISOString()}`,
      );

      const body = response.body as {
        permissions: { permission: string; sources: unknown[] }[];
      };
      const keys = new Map(
        body.permissions.map((p) => [p.permission, p.sources.map(keyOf)]),
      );
      expect(keys).toEqual(referenceAccess(operations, 'acme', userId, at));
    }
  });

  it('lists the holders of a permission at an instant from the intervals', async () => {
    const at = instant(250);
    const response = await get(
      `/audit/permissions/docs:read/holders?at=${at.toISOString()}`,
    );

    const expected = usersOf('acme')
      .map((userId) => ({
        userId,
        keys: referenceAccess(operations, 'acme', userId, at).get('docs:read'),
      }))
      .filter((h) => h.keys !== undefined);
    const holders = (
      response.body as { holders: { userId: string; sources: unknown[] }[] }
    ).holders.map((h) => ({ userId: h.userId, keys: h.sources.map(keyOf) }));
    expect(holders).toEqual(
      expected.sort((a, b) => (a.userId < b.userId ? -1 : 1)),
    );
  });

  it('answers bad ids with 400 and an unknown tenant with 404, never 500', async () => {
    const at = `at=${instant(100).toISOString()}`;
    const asOperator = (path: string) =>
      request(app)
        .get(`/v1/tenants/${path}`)
        .set('Authorization', `Bearer ${operator}`);

    const statuses = [
      (await get(`/audit/permissions/%00/holders?${at}`)).status,
      (await get('/audit/users/%00/events')).status,
      (await get('/audit/users/%ZZ/events')).status,
      (await get('/audit/export?stream=tenant:acme:%00')).status,
      (
        await get(
          `/audit/export?from=${instant(5).toISOString()}&to=${instant(4).toISOString()}`,
        )
      ).status,
      (await asOperator(`nosuch/audit/permissions/docs:read/holders?${at}`))
        .status,
      (await asOperator(`nosuch/audit/users/u-1/permissions?${at}`)).status,
    ];
    const malformed = await get('/audit/users/%ZZ/events');

    expect(statuses).toEqual([400, 400, 400, 400, 400, 404, 404]);
    expect(malformed.body.detail).toContain('percent-encoding');
  });

  it('refuses an instant that is not ISO-8601', async () => {
    const response = await get(
      `/audit/users/${liveUser()}/permissions?at=soon`,
    );
    expect(response.status).toBe(400);
  });

  it.each(['ndjson', 'csv'] as const)(
    'streams the log as %s that verifies offline',
    async (format) => {
      const response = await get(`/audit/export?format=${format}`);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toContain(
        format === 'csv' ? 'text/csv' : 'application/x-ndjson',
      );

      const report = await verifyExport(() => linesOf(response.text), format);
      const verify = (await get('/audit/verify')).body as { events: number };
      expect(report).toMatchObject({ ok: true, complete: true });
      expect(report.events).toBe(verify.events);
    },
  );

  it('exports one stream within a time range', async () => {
    const stream = `tenant:acme:user:${liveUser()}`;
    const from = instant(0).toISOString();
    const response = await get(
      `/audit/export?stream=${encodeURIComponent(stream)}&from=${from}`,
    );

    const lines = response.text.trim().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect((JSON.parse(line) as { stream: string }).stream).toBe(stream);
    }
    expect((await get('/audit/export?stream=tenant:globex:roles')).status).toBe(
      400,
    );
  });

  it('erases a user: attributes unreadable, chain intact, access history kept', async () => {
    const userId = liveUser();
    const at = instant(299);
    const before = await get(
      `/audit/users/${userId}/permissions?at=${at.toISOString()}`,
    );

    const erased = await request(app)
      .post(`/admin/v1/tenants/acme/users/${userId}/erase`)
      .set('Authorization', `Bearer ${operator}`);
    expect(erased.status).toBe(200);
    expect(erased.body).toEqual({ userId, deleted: true, erased: true });

    const timeline = await get(`/audit/users/${userId}/events`);
    const events = (timeline.body as { events: Record<string, unknown>[] })
      .events;
    expect(events.at(-1)).toMatchObject({ type: 'PersonalDataErased' });
    expect(events[0]).toMatchObject({ erased: true });
    expect(timeline.text).not.toContain(`${userId}@example.com`);

    expect((await get('/audit/verify')).body).toMatchObject({ ok: true });
    const after = await get(
      `/audit/users/${userId}/permissions?at=${at.toISOString()}`,
    );
    expect(after.body).toEqual(before.body);
    expect(await ledger.keyring.keysOf('acme', [userId])).toEqual(new Map());
  });
});

function keyOf(source: unknown): string {
  const s = source as {
    kind: string;
    role?: string;
    groupId?: string;
    value?: string;
  };
  if (s.kind === 'direct') return 'direct';
  return s.kind === 'group'
    ? `group|${s.role ?? ''}|${s.groupId ?? ''}`
    : `scimRole|${s.role ?? ''}|${s.value ?? ''}`;
}

function linesOf(text: string): AsyncIterable<string> {
  return Readable.from(text.split('\n').map((line) => line.replace(/\r$/, '')));
}
