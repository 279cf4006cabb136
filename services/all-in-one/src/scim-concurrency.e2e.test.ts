import { patchBody, scimClient, startTestRoster, userBody } from './testing';
import type { TestRoster, TestStore } from './testing';

describe.each<TestStore>(['pglite', 'postgres'])(
  'SCIM writes under concurrency on %s',
  (kind) => {
    let roster: TestRoster;

    beforeAll(async () => {
      roster = await startTestRoster(kind);
    });

    afterAll(() => roster.close());

    it('shows all 20 concurrent creates in the list that follows at once', async () => {
      const scim = scimClient(roster.app, (await roster.tenant()).token);

      const created = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          scim.post('/Users', userBody(`user${i}@example.com`)),
        ),
      );
      const list = await scim.get('/Users?count=100');

      expect(created.map((response) => response.status)).toEqual(
        Array(20).fill(201),
      );
      expect(list.body.totalResults).toBe(20);
      const ids = new Set(
        created.map((response) => response.body.id as string),
      );
      expect(
        new Set(list.body.Resources.map((user: { id: string }) => user.id)),
      ).toEqual(ids);
    });

    it('lets exactly one of 8 concurrent creates of one userName win', async () => {
      const scim = scimClient(roster.app, (await roster.tenant()).token);

      const responses = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          scim.post(
            '/Users',
            userBody(i % 2 ? 'Same@Example.com' : 'same@example.com'),
          ),
        ),
      );
      const statuses = responses.map((response) => response.status).sort();

      expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
      const conflict = responses.find((response) => response.status === 409);
      expect(conflict?.body).toMatchObject({
        scimType: 'uniqueness',
        status: '409',
      });
      expect((await scim.get('/Users')).body.totalResults).toBe(1);
    });

    it('answers 412 to the second write with the same If-Match', async () => {
      const scim = scimClient(roster.app, (await roster.tenant()).token);
      const created = await scim.post('/Users', userBody('ann@example.com'));
      const etag = String(created.headers['etag']);

      const first = await scim
        .put(
          `/Users/${created.body.id}`,
          userBody('ann@example.com', { title: 'A' }),
        )
        .set('If-Match', etag);
      const second = await scim
        .put(
          `/Users/${created.body.id}`,
          userBody('ann@example.com', { title: 'B' }),
        )
        .set('If-Match', etag);

      expect(first.status).toBe(200);
      expect(second.status).toBe(412);
      expect((await scim.get(`/Users/${created.body.id}`)).body.title).toBe(
        'A',
      );
    });

    it('answers 304 to If-None-Match with the current ETag, 200 after a change', async () => {
      const scim = scimClient(roster.app, (await roster.tenant()).token);
      const created = await scim.post('/Users', userBody('bob@example.com'));
      const etag = String(created.headers['etag']);

      const unchanged = await scim
        .get(`/Users/${created.body.id}`)
        .set('If-None-Match', etag);
      await scim.patch(
        `/Users/${created.body.id}`,
        patchBody([{ op: 'replace', path: 'title', value: 'X' }]),
      );
      const changed = await scim
        .get(`/Users/${created.body.id}`)
        .set('If-None-Match', etag);

      expect(created.body.meta.version).toBe(etag);
      expect(unchanged.status).toBe(304);
      expect(changed.status).toBe(200);
      expect(changed.headers['etag']).not.toBe(etag);
    });

    it('applies 30 concurrent member additions to one group exactly once each', async () => {
      const scim = scimClient(roster.app, (await roster.tenant()).token);
      const group = await scim.post('/Groups', {
        displayName: 'Busy',
        members: [],
      });
      const users = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          scim.post('/Users', userBody(`m${i}@example.com`)),
        ),
      );

      const patches = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          scim.patch(
            `/Groups/${group.body.id}`,
            patchBody([
              {
                op: 'add',
                path: 'members',
                value: [{ value: users[i]?.body.id }],
              },
            ]),
          ),
        ),
      );
      const read = await scim.get(`/Groups/${group.body.id}`);

      expect(patches.map((response) => response.status)).toEqual(
        Array(30).fill(204),
      );
      expect(read.body.members).toHaveLength(30);
    });
  },
);
