import request from 'supertest';
import {
  createTestDatabase,
  type TestDatabase,
} from '@roster/read-store/testing';
import {
  tenantActions,
  userRef,
} from '@roster/projection-effective-permissions/testing';
import { openAccessApp, type AccessApp } from './testing';

let database: TestDatabase;
let api: AccessApp;
let op: string;
let tenantId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  api = await openAccessApp(database.url);
  op = `Bearer ${api.operatorToken}`;
});

afterAll(async () => {
  await api.close();
  await database.drop();
});

beforeEach(async () => {
  tenantId = `t${Math.random().toString(36).slice(2, 10)}`;
  await admin('post', '/tenants')
    .send({ id: tenantId, name: 'Acme' })
    .expect(201);
});

interface Answer {
  id: string;
  token: string;
  detail: string;
  issues: unknown[];
  results: { allowed: boolean }[];
}

const body = (res: { body: unknown }): Answer => res.body as Answer;

function admin(method: 'post' | 'put' | 'delete' | 'get', path: string) {
  return request(api.app)[method](`/admin/v1${path}`).set('Authorization', op);
}

function access(path: string, auth = op) {
  return request(api.app).post(`/v1${path}`).set('Authorization', auth);
}

describe('admin API', () => {
  it('refuses a missing or wrong operator token', async () => {
    await request(api.app)
      .post('/admin/v1/tenants')
      .send({ name: 'x' })
      .expect(401);
    const res = await request(api.app)
      .post('/admin/v1/tenants')
      .set('Authorization', 'Bearer rst_op_wrong')
      .send({ name: 'x' })
      .expect(401);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.headers['www-authenticate']).toMatch(/Bearer/);
  });

  it('creates a tenant once, then answers 409', async () => {
    const id = `t${Date.now()}`;
    const res = await admin('post', '/tenants')
      .send({ id, name: 'Beta' })
      .expect(201);
    expect(res.body).toEqual({ id, name: 'Beta' });
    const again = await admin('post', '/tenants')
      .send({ id, name: 'B' })
      .expect(409);
    expect(again.body).toMatchObject({ status: 409, title: 'Conflict' });
  });

  it('generates a tenant id when none is given', async () => {
    const res = await admin('post', '/tenants')
      .send({ name: 'Gamma' })
      .expect(201);
    expect(body(res).id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('names the problem of a bad body and writes nothing', async () => {
    const id = `t${Date.now()}x`;
    const res = await admin('post', '/tenants')
      .send({ id, name: '', extra: 1 })
      .expect(400);
    expect(body(res).detail).toMatch(/name|extra/);
    expect(body(res).issues.length).toBeGreaterThan(0);
    await admin('post', '/tenants').send({ id, name: 'ok' }).expect(201);
  });

  it('refuses a body that is not JSON', async () => {
    await admin('post', '/tenants')
      .set('Content-Type', 'application/json')
      .send('{nope')
      .expect(400);
    await admin('post', '/tenants')
      .set('Content-Type', 'text/plain')
      .send('name=x')
      .expect(415);
  });

  it('issues a token for a POST with no body, and names a missing field', async () => {
    const issued = await admin(
      'post',
      `/tenants/${tenantId}/service-tokens`,
    ).expect(201);
    const unnamed = await admin('post', '/tenants').expect(400);

    expect(body(issued).token).toMatch(/^rst_svc_/);
    expect(JSON.stringify(unnamed.body)).toContain('name');
  });

  it('issues a SCIM token once and revokes it', async () => {
    const res = await admin('post', `/tenants/${tenantId}/scim-tokens`)
      .send({ label: 'okta' })
      .expect(201);
    expect(body(res).token).toMatch(/^rst_scim_/);
    expect(res.headers['cache-control']).toBe('no-store');

    await admin(
      'delete',
      `/tenants/${tenantId}/scim-tokens/${body(res).id}`,
    ).expect(204);
    await admin(
      'delete',
      `/tenants/${tenantId}/scim-tokens/${body(res).id}`,
    ).expect(404);
  });

  it('answers 404 for a tenant that does not exist', async () => {
    await admin('post', '/tenants/nope/scim-tokens').send({}).expect(404);
    await admin('put', '/tenants/nope/roles/r')
      .send({ permissions: [] })
      .expect(404);
    await admin('post', '/tenants/no%20pe/users')
      .send({ userName: 'a' })
      .expect(404);
  });

  it('defines roles and mappings, validating each', async () => {
    await admin('put', `/tenants/${tenantId}/roles/reader`)
      .send({ permissions: ['docs:read', 'docs:list', 'docs:read'] })
      .expect(200, { role: 'reader', permissions: ['docs:list', 'docs:read'] });
    await admin('put', `/tenants/${tenantId}/roles/bad role`)
      .send({ permissions: [] })
      .expect(400);

    const path = `/tenants/${tenantId}/role-mappings`;
    await admin('post', path)
      .send({ role: 'reader', group: 'g', scimRole: 'r' })
      .expect(400);
    await admin('post', path)
      .send({ role: 'missing', scimRole: 'r' })
      .expect(404);
    const mapped = await admin('post', path)
      .send({ role: 'reader', scimRole: 'r' })
      .expect(201);
    await admin('post', path)
      .send({ role: 'reader', scimRole: 'r' })
      .expect(409);

    await admin('delete', `${path}/${body(mapped).id}`).expect(204);
    await admin('delete', `${path}/${body(mapped).id}`).expect(404);
    await admin('delete', `/tenants/${tenantId}/roles/reader`).expect(204);
    await admin('delete', `/tenants/${tenantId}/roles/reader`).expect(404);
  });

  it('grants directly and the check sees it when the write returns', async () => {
    const user = await admin('post', `/tenants/${tenantId}/users`)
      .send({ userName: 'ann@example.com', displayName: 'Ann' })
      .expect(201);
    const userId: string = body(user).id;
    await admin('post', `/tenants/${tenantId}/users`)
      .send({ userName: 'ANN@example.com' })
      .expect(409);

    const grant = `/tenants/${tenantId}/users/${userId}/grants/files/read`;
    await admin('put', grant).expect(204);
    const allowed = await access(`/tenants/${tenantId}/check`)
      .send({ userId, permission: 'files/read' })
      .expect(200);
    expect(allowed.body).toEqual({
      allowed: true,
      sources: [{ kind: 'direct' }],
      userId,
    });

    await admin('delete', grant).expect(204);
    const denied = await access(`/tenants/${tenantId}/check`)
      .send({ userName: 'Ann@Example.com', permission: 'files/read' })
      .expect(200);
    expect(denied.body).toMatchObject({
      allowed: false,
      reason: 'not-granted',
    });
    await admin('put', `/tenants/${tenantId}/users/nobody/grants/p`).expect(
      404,
    );
  });
});

describe('access API', () => {
  it('lists permissions and checks many at once', async () => {
    const a = tenantActions(api.harness, tenantId);
    const ann = await a.user('ann');
    const group = await a.group('Staff', [userRef(ann)]);
    await admin('put', `/tenants/${tenantId}/roles/reader`)
      .send({ permissions: ['docs:read'] })
      .expect(200);
    await admin('post', `/tenants/${tenantId}/role-mappings`)
      .send({ role: 'reader', groupDisplayName: 'staff' })
      .expect(201);

    const listed = await request(api.app)
      .get(`/v1/tenants/${tenantId}/users/${ann}/permissions`)
      .set('Authorization', op)
      .expect(200);
    expect(listed.body).toEqual({
      userId: ann,
      active: true,
      permissions: [
        {
          permission: 'docs:read',
          sources: [{ kind: 'group', role: 'reader', groupId: group }],
        },
      ],
    });

    const batch = await access(`/tenants/${tenantId}/check`)
      .send({
        checks: [
          { userId: ann, permission: 'docs:read' },
          { userName: 'ANN', permission: 'docs:write' },
          { userId: 'ghost', permission: 'docs:read' },
        ],
      })
      .expect(200);
    expect(body(batch).results.map((r) => r.allowed)).toEqual([
      true,
      false,
      false,
    ]);
    expect(body(batch).results[2]).toEqual({
      allowed: false,
      sources: [],
      reason: 'unknown-user',
    });
  });

  it('answers 404 for the permissions of an unknown user', async () => {
    await request(api.app)
      .get(`/v1/tenants/${tenantId}/users/ghost/permissions`)
      .set('Authorization', op)
      .expect(404);
  });

  it('refuses a bad check body with a problem', async () => {
    const res = await access(`/tenants/${tenantId}/check`)
      .send({ userId: 'u', userName: 'n', permission: 'p' })
      .expect(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    await access(`/tenants/${tenantId}/check`).send({ checks: [] }).expect(400);
  });

  it('names the field of a bad check and refuses a NUL, never with a 5xx', async () => {
    const path = `/tenants/${tenantId}/check`;
    const nul = await access(path)
      .send({ userName: 'bob\u0000', permission: 'p' })
      .expect(400);
    const inBatch = await access(path)
      .send({ checks: [{ userId: 'u', permission: 'a\u0000b' }] })
      .expect(400);
    const missing = await access(path).send({ userId: 'u' }).expect(400);

    expect(nul.body.detail).toBe('body: userName: must not contain NUL');
    expect(inBatch.body.detail).toBe(
      'body: checks.0.permission: must not contain NUL',
    );
    expect(missing.body.detail).toMatch(/^body: permission: /);
  });

  it('names the batch item or the batch size that is wrong', async () => {
    const path = `/tenants/${tenantId}/check`;
    const good = { userId: 'u', permission: 'p' };
    const item = await access(path)
      .send({ checks: [good, { permission: 'p' }] })
      .expect(400);
    const tooMany = await access(path)
      .send({ checks: Array.from({ length: 1001 }, () => good) })
      .expect(400);
    const notList = await access(path).send({ checks: {} }).expect(400);

    expect(item.body.detail).toMatch(/^body: checks\.1\.(userId|userName): /);
    expect(tooMany.body.detail).toMatch(/^body: checks: /);
    expect(notList.body.detail).toMatch(/^body: checks: /);
  });

  it('takes a full batch of the longest fields the checks allow', async () => {
    const long = (c: string) => c.repeat(256);
    const checks = Array.from({ length: 1000 }, (_, i) => ({
      userName: `${i}${long('n')}`.slice(0, 256),
      permission: long('\u00e9'),
    }));

    const res = await access(`/tenants/${tenantId}/check`)
      .send({ checks })
      .expect(200);

    expect(res.body.results).toHaveLength(1000);
  });

  it('answers 404 for a tenant that does not exist, not an unknown user', async () => {
    const check = await access('/tenants/no-such-tenant/check')
      .send({ userName: 'ann', permission: 'p' })
      .expect(404);
    const batch = await access('/tenants/no-such-tenant/check')
      .send({ checks: [{ userName: 'ann', permission: 'p' }] })
      .expect(404);
    const permissions = await request(api.app)
      .get('/v1/tenants/no-such-tenant/users/u/permissions')
      .set('Authorization', op)
      .expect(404);

    for (const res of [check, batch, permissions]) {
      expect(res.body.detail).toBe('tenant not found');
    }
  });

  it('lets a service token see only its own tenant, until revoked', async () => {
    const issued = await admin('post', `/tenants/${tenantId}/service-tokens`)
      .send({})
      .expect(201);
    const auth = `Bearer ${body(issued).token}`;
    const other = `o${tenantId}`;
    await admin('post', '/tenants')
      .send({ id: other, name: 'Other' })
      .expect(201);

    await access(`/tenants/${tenantId}/check`, auth)
      .send({ userId: 'u', permission: 'p' })
      .expect(200);
    const refused = await access(`/tenants/${other}/check`, auth)
      .send({ userId: 'u', permission: 'p' })
      .expect(403);
    expect(refused.body).not.toHaveProperty('allowed');

    await admin(
      'delete',
      `/tenants/${tenantId}/service-tokens/${body(issued).id}`,
    ).expect(204);
    await access(`/tenants/${tenantId}/check`, auth)
      .send({ userId: 'u', permission: 'p' })
      .expect(401);
  });

  it('does not take a SCIM token', async () => {
    const issued = await admin('post', `/tenants/${tenantId}/scim-tokens`)
      .send({})
      .expect(201);
    await access(`/tenants/${tenantId}/check`, `Bearer ${body(issued).token}`)
      .send({ userId: 'u', permission: 'p' })
      .expect(401);
  });
});
