import request from 'supertest';
import type { Express } from 'express';

const userUrn = 'urn:ietf:params:scim:schemas:core:2.0:User';

/** supertest with a tenant's SCIM token and base path filled in. */
export function scimClient(app: Express, token: string) {
  const auth = { Authorization: `Bearer ${token}` };
  const at = (path: string) => `/scim/v2${path}`;

  return {
    get: (path: string) => request(app).get(at(path)).set(auth),
    post: (path: string, body: unknown) =>
      request(app)
        .post(at(path))
        .set(auth)
        .set('Content-Type', 'application/scim+json')
        .send(JSON.stringify(body)),
    put: (path: string, body: unknown) =>
      request(app)
        .put(at(path))
        .set(auth)
        .set('Content-Type', 'application/scim+json')
        .send(JSON.stringify(body)),
    patch: (path: string, body: unknown) =>
      request(app)
        .patch(at(path))
        .set(auth)
        .set('Content-Type', 'application/scim+json')
        .send(JSON.stringify(body)),
    delete: (path: string) => request(app).delete(at(path)).set(auth),
    raw: (method: 'post' | 'put' | 'patch', path: string) =>
      request(app)[method](at(path)).set(auth),
  };
}

export type ScimClient = ReturnType<typeof scimClient>;

export function userBody(
  userName: string,
  extra: Record<string, unknown> = {},
) {
  return { schemas: [userUrn], userName, active: true, ...extra };
}

export function patchBody(operations: unknown[]) {
  return {
    schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
    Operations: operations,
  };
}
