import request from 'supertest';
import { openAccessApp, type AccessApp } from '../testing';

jest.setTimeout(60_000);

/** How long this app trusts a service token it found. */
const cacheMs = 300;

let api: AccessApp;
let op: string;

beforeAll(async () => {
  api = await openAccessApp(undefined, cacheMs);
  op = `Bearer ${api.operatorToken}`;
});

afterAll(() => api.close());

async function newTenant(): Promise<string> {
  const tenantId = `t${Math.random().toString(36).slice(2, 10)}`;
  await request(api.app)
    .post('/admin/v1/tenants')
    .set('Authorization', op)
    .send({ id: tenantId, name: tenantId })
    .expect(201);
  return tenantId;
}

function check(tenantId: string, token: string) {
  return request(api.app)
    .post(`/v1/tenants/${tenantId}/check`)
    .set('Authorization', `Bearer ${token}`)
    .send({ userId: 'u', permission: 'p' });
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('service tokens found by hash and kept briefly', () => {
  it('stop working within the cache time after their revocation', async () => {
    const tenantId = await newTenant();
    const issued = await request(api.app)
      .post(`/admin/v1/tenants/${tenantId}/service-tokens`)
      .set('Authorization', op)
      .send({})
      .expect(201);
    const { id, token } = issued.body as { id: string; token: string };
    await check(tenantId, token).expect(200);

    await request(api.app)
      .delete(`/admin/v1/tenants/${tenantId}/service-tokens/${id}`)
      .set('Authorization', op)
      .expect(204);
    await pause(cacheMs + 50);

    const refused = await check(tenantId, token).expect(401);
    expect(refused.body).not.toHaveProperty('allowed');
  });

  it('work at once when issued; unknown ones are refused', async () => {
    const tenantId = await newTenant();
    await check(tenantId, 'rst_svc_unknown').expect(401);

    const issued = await request(api.app)
      .post(`/admin/v1/tenants/${tenantId}/service-tokens`)
      .set('Authorization', op)
      .send({})
      .expect(201);

    await check(tenantId, (issued.body as { token: string }).token).expect(200);
  });
});
