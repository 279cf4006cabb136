import {
  countEvents,
  patchBody,
  scimClient,
  startTestRoster,
  userBody,
} from './testing';
import type { ScimClient, TestRoster } from './testing';

const errorUrn = 'urn:ietf:params:scim:api:messages:2.0:Error';

describe('SCIM bad input', () => {
  let roster: TestRoster;
  let scim: ScimClient;
  let tenantId: string;
  let userId: string;
  let groupId: string;

  beforeAll(async () => {
    roster = await startTestRoster('pglite');
    const tenant = await roster.tenant();
    tenantId = tenant.tenantId;
    scim = scimClient(roster.app, tenant.token);
    userId = (await scim.post('/Users', userBody('ann@example.com'))).body.id;
    groupId = (await scim.post('/Groups', { displayName: 'G', members: [] }))
      .body.id;
  });

  afterAll(() => roster.close());

  const cases: [
    string,
    () => ReturnType<ScimClient['get']>,
    number,
    string | undefined,
  ][] = [
    [
      'malformed JSON',
      () =>
        scim
          .raw('post', '/Users')
          .set('Content-Type', 'application/scim+json')
          .send('{"userName":'),
      400,
      'invalidSyntax',
    ],
    [
      'a body that is an array',
      () => scim.post('/Users', [1, 2]),
      400,
      'invalidSyntax',
    ],
    [
      'a missing userName',
      () =>
        scim.post('/Users', {
          schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
        }),
      400,
      'invalidValue',
    ],
    [
      'a userName of the wrong type',
      () => scim.post('/Users', userBody('x', { userName: { first: 'x' } })),
      400,
      'invalidValue',
    ],
    [
      'an unknown core attribute',
      () => scim.post('/Users', userBody('y@example.com', { shoeSize: 44 })),
      400,
      'invalidSyntax',
    ],
    [
      'active that is not a boolean',
      () => scim.post('/Users', userBody('z@example.com', { active: 'maybe' })),
      400,
      'invalidValue',
    ],
    [
      'an oversize body',
      () =>
        scim.post(
          '/Users',
          userBody('big@example.com', {
            displayName: 'x'.repeat(5 * 1024 * 1024),
          }),
        ),
      413,
      undefined,
    ],
    [
      'a junk startIndex',
      () => scim.get('/Users?startIndex=abc'),
      400,
      'invalidValue',
    ],
    ['a junk count', () => scim.get('/Users?count=1.5'), 400, 'invalidValue'],
    [
      'an absurd filter',
      () =>
        scim.get(
          `/Users?filter=${encodeURIComponent('(((((((((((((((((((userName eq "a")))))))))))))))))))')}`,
        ),
      400,
      'invalidFilter',
    ],
    [
      'a filter with bad syntax',
      () => scim.get(`/Users?filter=${encodeURIComponent('userName eq')}`),
      400,
      'invalidFilter',
    ],
    [
      'a filter on an unknown attribute',
      () => scim.get(`/Users?filter=${encodeURIComponent('shoeSize eq 44')}`),
      400,
      'invalidFilter',
    ],
    [
      'a PATCH without Operations',
      () => scim.patch(`/Users/${userId}`, { op: 'replace' }),
      400,
      'invalidSyntax',
    ],
    [
      'a PATCH with an unknown op',
      () =>
        scim.patch(
          `/Users/${userId}`,
          patchBody([{ op: 'merge', path: 'title', value: 'x' }]),
        ),
      400,
      'invalidSyntax',
    ],
    [
      'a PATCH to an unknown attribute',
      () =>
        scim.patch(
          `/Users/${userId}`,
          patchBody([{ op: 'replace', path: 'shoeSize', value: 44 }]),
        ),
      400,
      'invalidPath',
    ],
    [
      'a PATCH of a read-only attribute',
      () =>
        scim.patch(
          `/Users/${userId}`,
          patchBody([{ op: 'replace', path: 'id', value: 'x' }]),
        ),
      400,
      'mutability',
    ],
    [
      'a PATCH whose second op fails',
      () =>
        scim.patch(
          `/Users/${userId}`,
          patchBody([
            { op: 'replace', path: 'title', value: 'ok' },
            { op: 'replace', path: 'nope', value: 1 },
          ]),
        ),
      400,
      'invalidPath',
    ],
    [
      'too many PATCH operations',
      () =>
        scim.patch(
          `/Users/${userId}`,
          patchBody(
            Array(1001).fill({ op: 'replace', path: 'title', value: 'x' }),
          ),
        ),
      400,
      'tooMany',
    ],
    [
      'a group without displayName',
      () => scim.post('/Groups', { members: [] }),
      400,
      'invalidValue',
    ],
    [
      'a group PATCH with bad member values',
      () =>
        scim.patch(
          `/Groups/${groupId}`,
          patchBody([{ op: 'add', path: 'members', value: [{ value: 42 }] }]),
        ),
      400,
      'invalidValue',
    ],
    [
      'a bulk body without Operations',
      () => scim.post('/Bulk', { schemas: [] }),
      400,
      'invalidSyntax',
    ],
    [
      'a bulk with too many operations',
      () =>
        scim.post('/Bulk', {
          Operations: Array(1001).fill({
            method: 'POST',
            path: '/Users',
            data: {},
          }),
        }),
      413,
      undefined,
    ],
    [
      'an If-Match this server never issued',
      () =>
        scim
          .put(`/Users/${userId}`, userBody('ann@example.com'))
          .set('If-Match', '"nonsense"'),
      412,
      undefined,
    ],
    [
      'an empty userName',
      () => scim.post('/Users', userBody('')),
      400,
      'invalidValue',
    ],
    [
      'a userName of 10,000 characters',
      () => scim.post('/Users', userBody(`${'a'.repeat(10_000)}@example.com`)),
      400,
      'invalidValue',
    ],
    [
      'a PATCH that removes userName',
      () =>
        scim.patch(
          `/Users/${userId}`,
          patchBody([{ op: 'remove', path: 'userName' }]),
        ),
      400,
      'invalidValue',
    ],
    [
      'a PATCH that sets userName to null',
      () =>
        scim.patch(
          `/Users/${userId}`,
          patchBody([{ op: 'replace', path: 'userName', value: null }]),
        ),
      400,
      'invalidValue',
    ],
    [
      'a PATCH that sets userName to blanks',
      () =>
        scim.patch(
          `/Users/${userId}`,
          patchBody([{ op: 'replace', path: 'userName', value: '   ' }]),
        ),
      400,
      'invalidValue',
    ],
    [
      'a NUL in a body string',
      () => scim.post('/Users', userBody('nul\u0000l@example.com')),
      400,
      'invalidValue',
    ],
    [
      'a lone surrogate in a body string',
      () =>
        scim
          .raw('post', '/Users')
          .set('Content-Type', 'application/scim+json')
          .send('{"userName":"\\ud800x"}'),
      400,
      'invalidValue',
    ],
    [
      'a NUL in a filter',
      () =>
        scim.get(`/Users?filter=${encodeURIComponent('userName eq "\u0000"')}`),
      400,
      'invalidValue',
    ],
    [
      'a NUL spelled as an escape in a filter',
      () =>
        scim.get(
          `/Users?filter=${encodeURIComponent('userName eq "\\u0000"')}`,
        ),
      400,
      'invalidFilter',
    ],
    [
      'a lone surrogate spelled as an escape in a filter',
      () =>
        scim.get(
          `/Groups?filter=${encodeURIComponent('displayName eq "\\ud800"')}`,
        ),
      400,
      'invalidFilter',
    ],
    [
      'a body nested 5,000 levels deep',
      () =>
        scim
          .raw('post', '/Users')
          .set('Content-Type', 'application/scim+json')
          .send(
            `{"userName":"deep@example.com","x":${'['.repeat(5000)}1${']'.repeat(5000)}}`,
          ),
      400,
      'invalidSyntax',
    ],
    [
      'a displayName too long to index',
      () =>
        scim.post(
          '/Users',
          userBody('long-name@example.com', { displayName: 'd'.repeat(4000) }),
        ),
      400,
      'invalidValue',
    ],
    [
      'an externalId too long to index',
      () =>
        scim.post(
          '/Users',
          userBody('long-ext@example.com', { externalId: 'e'.repeat(4000) }),
        ),
      400,
      'invalidValue',
    ],
    [
      'an email too long to index',
      () =>
        scim.post(
          '/Users',
          userBody('long-mail@example.com', {
            emails: [{ value: `${'m'.repeat(4000)}@example.com` }],
          }),
        ),
      400,
      'invalidValue',
    ],
    [
      'a userName of 300 four-byte characters (1,200 bytes)',
      () => scim.post('/Users', userBody('\u{1F600}'.repeat(300))),
      400,
      'invalidValue',
    ],
    [
      'a PATCH that sets a user externalId too long to index',
      () =>
        scim.patch(
          `/Users/${userId}`,
          patchBody([
            { op: 'replace', path: 'externalId', value: 'e'.repeat(4000) },
          ]),
        ),
      400,
      'invalidValue',
    ],
    [
      'a group externalId too long to index',
      () =>
        scim.post('/Groups', {
          displayName: 'Long',
          externalId: 'g'.repeat(4000),
          members: [],
        }),
      400,
      'invalidValue',
    ],
    [
      'a PATCH add without a value',
      () =>
        scim.patch(
          `/Users/${userId}`,
          patchBody([{ op: 'add', path: 'displayName' }]),
        ),
      400,
      'invalidValue',
    ],
    [
      'a NUL in a resource id',
      () => scim.get('/Users/%00'),
      400,
      'invalidValue',
    ],
    [
      'broken percent-encoding in the path',
      () => scim.get('/Users/%E0%A4%A'),
      400,
      'invalidSyntax',
    ],
  ];

  it.each(cases)(
    'refuses %s with a SCIM error and writes nothing',
    async (_name, send, status, scimType) => {
      const before = await countEvents(
        roster.system.stores.eventStore,
        tenantId,
      );

      const response = await send();

      expect(response.status).toBe(status);
      expect(response.headers['content-type']).toMatch(
        /^application\/scim\+json/,
      );
      expect(response.body).toMatchObject({
        schemas: [errorUrn],
        status: String(status),
      });
      expect(response.body.scimType).toBe(scimType);
      expect(typeof response.body.detail).toBe('string');
      expect(await countEvents(roster.system.stores.eventStore, tenantId)).toBe(
        before,
      );
    },
  );

  it('reads an absurd startIndex as past the end, not as an error', async () => {
    const response = await scim.get('/Users?startIndex=99999999999999999999');

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ totalResults: 1, Resources: [] });
  });

  it('answers 401 with WWW-Authenticate for a missing or unknown token', async () => {
    const missing = await scimClient(roster.app, '')
      .get('/Users')
      .set('Authorization', '');
    const unknown = await scimClient(roster.app, 'rst_scim_nope').get('/Users');

    for (const response of [missing, unknown]) {
      expect(response.status).toBe(401);
      expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
      expect(response.body).toMatchObject({
        schemas: [errorUrn],
        status: '401',
      });
    }
  });

  it('answers 404 as a SCIM error for unknown resources and endpoints', async () => {
    for (const path of ['/Users/nope', '/Groups/nope', '/Widgets']) {
      const response = await scim.get(path);
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({
        schemas: [errorUrn],
        status: '404',
      });
    }
  });
});
