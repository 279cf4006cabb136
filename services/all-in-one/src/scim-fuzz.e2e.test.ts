import fc from 'fast-check';
import { scimClient, startTestRoster, userBody } from './testing';
import type { ScimClient, TestRoster } from './testing';

const runs = Number(process.env['FUZZ_HTTP_RUNS'] ?? 2000);

const segment = fc.oneof(
  { arbitrary: fc.constantFrom('Users', 'Groups'), weight: 4 },
  fc.constantFrom(
    'Users',
    'Groups',
    'Bulk',
    '.search',
    'Schemas',
    'ResourceTypes',
    'ServiceProviderConfig',
    'Me',
  ),
  fc.string({ maxLength: 12 }).map(encodeURIComponent),
);
const queryValue = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    'userName eq "a"',
    'emails[type eq "work"]',
    'not (active pr)',
    '((((',
    'a eq',
    '-1',
    '1e9',
    'members',
  ),
);
const query = fc
  .dictionary(
    fc.constantFrom(
      'filter',
      'count',
      'startIndex',
      'cursor',
      'sortBy',
      'sortOrder',
      'attributes',
      'excludedAttributes',
      'x',
    ),
    queryValue,
    { maxKeys: 4 },
  )
  .map((params) => new URLSearchParams(params).toString());
const body = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.record({
    schemas: fc.constant(['urn:ietf:params:scim:api:messages:2.0:PatchOp']),
    Operations: fc.array(
      fc.record(
        {
          op: fc.constantFrom('add', 'Replace', 'remove', 'x'),
          path: fc.option(fc.string({ maxLength: 30 })),
          value: fc.jsonValue({ maxDepth: 3 }),
        },
        { requiredKeys: ['op'] },
      ),
      { maxLength: 4 },
    ),
  }),
  fc.record(
    {
      userName: fc.jsonValue({ maxDepth: 1 }),
      active: fc.jsonValue({ maxDepth: 1 }),
      emails: fc.jsonValue({ maxDepth: 2 }),
    },
    { requiredKeys: [] },
  ),
  fc.record(
    {
      displayName: fc.jsonValue({ maxDepth: 1 }),
      members: fc.jsonValue({ maxDepth: 3 }),
    },
    { requiredKeys: [] },
  ),
);
const request = fc.record({
  method: fc.constantFrom<'get' | 'post' | 'put' | 'patch' | 'delete'>(
    'get',
    'post',
    'put',
    'patch',
    'delete',
  ),
  path: fc.array(segment, { minLength: 1, maxLength: 3 }),
  useKnownId: fc.boolean(),
  query,
  body,
  raw: fc.option(fc.string({ maxLength: 60 })),
});

describe('SCIM over HTTP under generated requests', () => {
  let roster: TestRoster;
  let scim: ScimClient;
  let knownId: string;

  beforeAll(async () => {
    roster = await startTestRoster('pglite');
    scim = scimClient(roster.app, (await roster.tenant()).token);
    knownId = (await scim.post('/Users', userBody('fuzz@example.com'))).body.id;
  });

  afterAll(() => roster.close());

  it(`answers ${runs} generated requests without a single 5xx`, async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const path = [...r.path];
        if (r.useKnownId && path.length >= 1) path.splice(1, 1, knownId);
        const url = `/${path.join('/')}?${r.query}`;

        const sent =
          r.method === 'get' || r.method === 'delete'
            ? scim[r.method](url)
            : scim
                .raw(r.method, url)
                .set('Content-Type', 'application/scim+json')
                .send(r.raw ?? JSON.stringify(r.body));
        const response = await sent;

        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        expect(response.status).toBeLessThan(500);
        if (response.status >= 400) {
          expect(response.body.schemas).toEqual([
            'urn:ietf:params:scim:api:messages:2.0:Error',
          ]);
        }
      }),
      { numRuns: runs, seed: 20261204 },
    );

    // The generator must reach the handlers, not only the router's 404.
    const handled = [...statuses].filter(([status]) => status !== 404);
    expect(handled.reduce((sum, [, count]) => sum + count, 0)).toBeGreaterThan(
      runs / 3,
    );
  });
});
