import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createUser } from '@roster/ledger';
import { patchBody, scimClient, startTestRoster, userBody } from './testing';
import type { ScimClient, TestRoster } from './testing';

describe('SCIM features', () => {
  let roster: TestRoster;
  let scim: ScimClient;
  let tenantId: string;

  beforeAll(async () => {
    roster = await startTestRoster('postgres');
    const tenant = await roster.tenant();
    tenantId = tenant.tenantId;
    scim = scimClient(roster.app, tenant.token);
    for (let i = 0; i < 7; i++) {
      await scim.post(
        '/Users',
        userBody(`page${i}@example.com`, { displayName: `P${6 - i}` }),
      );
    }
  });

  afterAll(() => roster.close());

  it('pages by index with a stable order and the overall total', async () => {
    const first = await scim.get(
      '/Users?filter=userName sw "page"&startIndex=1&count=3',
    );
    const second = await scim.get(
      '/Users?filter=userName sw "page"&startIndex=4&count=3',
    );
    const empty = await scim.get('/Users?filter=userName sw "page"&count=0');

    expect(first.body).toMatchObject({
      totalResults: 7,
      startIndex: 1,
      itemsPerPage: 3,
    });
    expect(second.body).toMatchObject({
      totalResults: 7,
      startIndex: 4,
      itemsPerPage: 3,
    });
    const ids = [...first.body.Resources, ...second.body.Resources].map(
      (u: { id: string }) => u.id,
    );
    expect(new Set(ids).size).toBe(6);
    expect(empty.body).toMatchObject({
      totalResults: 7,
      itemsPerPage: 0,
      Resources: [],
    });
  });

  it('pages by cursor (RFC 9865) to the end, and refuses a forged cursor', async () => {
    const seen: string[] = [];
    let cursor = '';
    for (let page = 0; page < 10; page++) {
      const response = await scim.get(
        `/Users?filter=userName sw "page"&count=3&cursor=${cursor}`,
      );
      seen.push(...response.body.Resources.map((u: { id: string }) => u.id));
      if (!response.body.nextCursor) break;
      cursor = response.body.nextCursor;
    }
    const forged = await scim.get('/Users?count=3&cursor=bm9wZQ');

    expect(new Set(seen).size).toBe(7);
    expect(forged.status).toBe(400);
    expect(forged.body.scimType).toBe('invalidCursor');
  });

  it('sorts by any singular attribute, both ways', async () => {
    const up = await scim.get(
      '/Users?filter=userName sw "page"&sortBy=displayName',
    );
    const down = await scim.get(
      '/Users?filter=userName sw "page"&sortBy=displayName&sortOrder=descending',
    );

    const names = (body: { Resources: { displayName: string }[] }) =>
      body.Resources.map((u) => u.displayName);
    expect(names(up.body)).toEqual(['P0', 'P1', 'P2', 'P3', 'P4', 'P5', 'P6']);
    expect(names(down.body)).toEqual([
      'P6',
      'P5',
      'P4',
      'P3',
      'P2',
      'P1',
      'P0',
    ]);
  });

  it('selects attributes, always keeping id and schemas', async () => {
    const response = await scim.get(
      '/Users?filter=userName eq "page1@example.com"&attributes=displayName',
    );
    const user = response.body.Resources[0];

    expect(Object.keys(user).sort()).toEqual(['displayName', 'id', 'schemas']);
  });

  it('searches with POST /.search on a type and on the root', async () => {
    const typed = await scim.post('/Users/.search', {
      filter: 'userName eq "page2@example.com"',
    });
    await scim.post('/Groups', { displayName: 'Searchable', members: [] });
    const root = await scim.post('/.search', {
      filter: 'displayName eq "Searchable"',
      count: 10,
    });

    expect(typed.body.totalResults).toBe(1);
    expect(root.body.totalResults).toBe(1);
    expect(root.body.Resources[0].displayName).toBe('Searchable');
  });

  it('accepts JSON with any content type, trailing slashes and unknown parameters', async () => {
    const plain = await scim
      .raw('post', '/Users/')
      .set('Content-Type', 'application/json; charset=utf-8')
      .send(JSON.stringify(userBody('plain@example.com')));
    const list = await scim.get(
      '/Users/?filter=userName eq "plain@example.com"&&foo=bar&',
    );

    expect(plain.status).toBe(201);
    expect(plain.headers['content-type']).toBe(
      'application/scim+json; charset=utf-8',
    );
    expect(list.body.totalResults).toBe(1);
  });

  it('adopts an admin-created user: same id, its data kept, then 409', async () => {
    const ctx = {
      store: roster.system.stores.eventStore,
      tenantId,
      newId: randomUUID,
      request: {
        tenantId,
        actor: { kind: 'admin' as const, id: 'test' },
        requestId: randomUUID(),
        correlationId: 'c',
      },
    };
    const product = await createUser(
      ctx,
      {
        userName: 'Old@Example.com',
        active: true,
        resource: {
          userName: 'Old@Example.com',
          displayName: 'Entered by an admin',
          title: 'Engineer',
        },
      },
      'product',
    );
    await roster.system.afterWrite(tenantId, product.position);

    const visible = await scim.get(
      '/Users?filter=userName eq "old@example.com"',
    );
    const adopted = await scim.post(
      '/Users',
      userBody('old@example.com', { displayName: 'Old' }),
    );
    const again = await scim.post('/Users', userBody('old@example.com'));

    expect(visible.body.totalResults).toBe(1);
    expect(adopted.status).toBe(201);
    expect(adopted.body.id).toBe(product.userId);
    expect(adopted.body).toMatchObject({
      displayName: 'Old',
      title: 'Engineer',
    });
    expect(again.status).toBe(409);
  });

  it('soft-deletes by active false, hard-deletes by DELETE, freeing the name', async () => {
    const created = await scim.post('/Users', userBody('gone@example.com'));
    await scim.patch(
      `/Users/${created.body.id}`,
      patchBody([{ op: 'replace', path: 'active', value: false }]),
    );
    const listed = await scim.get(
      '/Users?filter=userName eq "gone@example.com"',
    );
    await scim.delete(`/Users/${created.body.id}`);
    const recreated = await scim.post('/Users', userBody('gone@example.com'));

    expect(listed.body.Resources[0].active).toBe(false);
    expect((await scim.get(`/Users/${created.body.id}`)).status).toBe(404);
    expect(recreated.status).toBe(201);
    expect(recreated.body.id).not.toBe(created.body.id);
  });

  it('runs /Bulk with bulkId references, also inside group members', async () => {
    const response = await scim.post('/Bulk', {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:BulkRequest'],
      Operations: [
        {
          method: 'POST',
          path: '/Groups',
          bulkId: 'g',
          data: { displayName: 'Bulk group', members: [{ value: 'bulkId:u' }] },
        },
        {
          method: 'POST',
          path: '/Users',
          bulkId: 'u',
          data: userBody('bulk@example.com'),
        },
        {
          method: 'PATCH',
          path: '/Users/bulkId:u',
          data: patchBody([{ op: 'replace', path: 'title', value: 'Bulked' }]),
        },
      ],
    });
    const statuses = response.body.Operations.map(
      (op: { bulkId?: string; method: string; status: string }) =>
        `${op.method} ${op.bulkId ?? '-'}:${op.status}`,
    );
    const group = await scim.get('/Groups?filter=displayName eq "Bulk group"');
    const user = await scim.get('/Users?filter=userName eq "bulk@example.com"');

    expect(statuses).toEqual(['POST u:201', 'PATCH -:200', 'POST g:201']);
    expect(user.body.Resources[0].title).toBe('Bulked');
    expect(group.body.Resources[0].members).toEqual([
      expect.objectContaining({ value: user.body.Resources[0].id }),
    ]);
  });

  it('reads an empty attributes parameter as no parameter, listed or not', async () => {
    const created = await scim.post(
      '/Users',
      userBody('empty-attributes@example.com', { displayName: 'Empty' }),
    );
    const id = String(created.body.id);
    const filter = encodeURIComponent(`id eq "${id}"`);

    const single = await scim.get(`/Users/${id}?attributes=`);
    const listed = await scim.get(`/Users?attributes=&filter=${filter}`);

    expect(single.body).toMatchObject({
      userName: created.body.userName,
      displayName: 'Empty',
    });
    expect(Object.keys(listed.body.Resources[0]).sort()).toEqual(
      Object.keys(single.body).sort(),
    );
  });

  it('filters groups on their members, kept in their own table', async () => {
    const member = await scim.post('/Users', userBody('member@example.com'));
    const uid = String(member.body.id);
    const group = await scim.post('/Groups', {
      displayName: 'With member',
      members: [{ value: uid }],
    });
    await scim.post('/Groups', { displayName: 'Without member', members: [] });
    const gid = String(group.body.id);

    const found = async (filter: string) => {
      const response = await scim.get(
        `/Groups?excludedAttributes=members&filter=${encodeURIComponent(filter)}`,
      );
      return response.body.Resources.map(
        (g: { displayName: string }) => g.displayName,
      );
    };

    expect(await found(`members[value eq "${uid}"]`)).toEqual(['With member']);
    expect(await found(`members.value eq "${uid}"`)).toEqual(['With member']);
    expect(
      await found(`id eq "${gid}" and members[value eq "${uid}"]`),
    ).toEqual(['With member']);
    expect(
      await found(`id eq "${gid}" and members[value eq "nobody"]`),
    ).toEqual([]);
    expect(await found('displayName sw "With" and not (members pr)')).toEqual([
      'Without member',
    ]);
  });

  it("replaces a group's members by PUT: [] and null empty it, at once for checks", async () => {
    const admin = (method: 'put' | 'post', path: string) => {
      const url = `/admin/v1/tenants/${tenantId}${path}`;
      const call = request(roster.app);
      const sent = method === 'put' ? call.put(url) : call.post(url);
      return sent.set('Authorization', `Bearer ${roster.adminToken}`);
    };
    const allowed = async (userId: string) => {
      const response = await request(roster.app)
        .post(`/v1/tenants/${tenantId}/check`)
        .set('Authorization', `Bearer ${roster.adminToken}`)
        .send({ userId, permission: 'files:read' });
      return response.body.allowed as boolean;
    };
    await admin('put', '/roles/filer').send({ permissions: ['files:read'] });
    const bodyMembers = (members: unknown) => {
      if (members === 'omitted') return {};
      if (members !== 'in the core schema') return { members };
      return { 'urn:ietf:params:scim:schemas:core:2.0:Group': { members: [] } };
    };
    const emptied = async (members: unknown) => {
      const user = await scim.post('/Users', userBody(`${randomUUID()}@x.io`));
      const uid = String(user.body.id);
      const group = await scim.post('/Groups', {
        displayName: `Filers ${randomUUID()}`,
        members: [{ value: uid }],
      });
      const gid = String(group.body.id);
      await admin('post', '/role-mappings').send({ role: 'filer', group: gid });
      const before = await allowed(uid);

      const put = await scim.put(`/Groups/${gid}`, {
        displayName: group.body.displayName,
        ...bodyMembers(members),
      });

      const listed = await scim.get(`/Groups/${gid}`);
      return [
        before,
        put.status,
        listed.body.members ?? [],
        await allowed(uid),
      ];
    };

    expect(await emptied([])).toEqual([true, 200, [], false]);
    expect(await emptied(null)).toEqual([true, 200, [], false]);
    expect(await emptied('in the core schema')).toEqual([true, 200, [], false]);
    const [before, status, members, after] = await emptied('omitted');
    expect([before, status, (members as unknown[]).length, after]).toEqual([
      true,
      200,
      1,
      true,
    ]);
  });

  it('names the resource of every bulk result, and reads operations in any case', async () => {
    const user = await scim.post('/Users', userBody('located@example.com'));
    const id = String(user.body.id);

    const response = await scim.post('/Bulk', {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:BulkRequest'],
      operations: [
        {
          method: 'PATCH',
          path: `/Users/${id}`,
          data: patchBody([{ op: 'replace', path: 'title', value: 'T' }]),
        },
        { method: 'DELETE', path: `/Users/${id}` },
        { method: 'DELETE', path: `/Users/${id}` },
      ],
    });
    // supertest serves each request on a port of its own: compare paths.
    const pathOf = (url: string | undefined) => url && new URL(url).pathname;
    const results = response.body.Operations.map(
      (op: { status: string; location?: string }) => [
        op.status,
        pathOf(op.location),
      ],
    );

    const location = pathOf(String(user.body.meta.location));
    expect(results).toEqual([
      ['200', location],
      ['204', location],
      ['404', location],
    ]);
  });

  it('stops a bulk after failOnErrors errors', async () => {
    const response = await scim.post('/Bulk', {
      failOnErrors: 1,
      Operations: [
        {
          method: 'POST',
          path: '/Users',
          data: { userName: { not: 'a string' } },
        },
        { method: 'POST', path: '/Users', data: userBody('never@example.com') },
      ],
    });

    expect(response.body.Operations).toHaveLength(1);
    expect(response.body.Operations[0].status).toBe('400');
    expect(
      (await scim.get('/Users?filter=userName eq "never@example.com"')).body
        .totalResults,
    ).toBe(0);
  });

  it('never shows one tenant another tenant’s users', async () => {
    const other = scimClient(roster.app, (await roster.tenant()).token);
    const mine = await scim.post('/Users', userBody('secret@example.com'));

    expect((await other.get(`/Users/${mine.body.id}`)).status).toBe(404);
    expect(
      (await other.get('/Users?filter=userName eq "secret@example.com"')).body
        .totalResults,
    ).toBe(0);
    expect(
      (
        await other.patch(
          `/Users/${mine.body.id}`,
          patchBody([{ op: 'replace', path: 'title', value: 'x' }]),
        )
      ).status,
    ).toBe(404);
    expect((await other.delete(`/Users/${mine.body.id}`)).status).toBe(404);
  });

  it('tells the truth in /ServiceProviderConfig, /ResourceTypes and /Schemas', async () => {
    const config = await scim.get('/ServiceProviderConfig');
    const types = await scim.get('/ResourceTypes');
    const schema = await scim.get(
      '/Schemas/urn:ietf:params:scim:schemas:core:2.0:User',
    );

    expect(config.body).toMatchObject({
      patch: { supported: true },
      bulk: { supported: true, maxOperations: 1000 },
      filter: { supported: true },
      etag: { supported: true },
      sort: { supported: true },
    });
    expect(types.body.Resources.map((t: { id: string }) => t.id)).toEqual([
      'User',
      'Group',
    ]);
    expect(schema.body.id).toBe('urn:ietf:params:scim:schemas:core:2.0:User');
  });
});
