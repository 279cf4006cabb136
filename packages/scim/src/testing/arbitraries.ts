import fc from 'fast-check';
import type { Filter, FilterValue } from '../filter/filter-ast';
import type { ScimResource } from '../resource/json-value';
import type { AttributePath } from '../schema/attribute-path';
import { enterpriseUserSchemaUrn, userSchemaUrn } from '../schema/schema-urns';

// Few distinct words so that generated filters often match.
const words = [
  'ann',
  'Ann',
  'bo',
  'BO',
  'c"d',
  'e\\f',
  'x€',
  '日本',
  '',
  'a b',
];

export const word: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...words),
  fc
    .tuple(fc.constantFrom(...words), fc.constantFrom(...words))
    .map(([a, b]) => a + b),
);

export const isoTime: fc.Arbitrary<string> = fc
  .integer({ min: 1_600_000_000_000, max: 1_600_000_000_000 + 9 * 86_400_000 })
  .map((ms) => new Date(ms - (ms % 3_600_000)).toISOString());

const optional = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  fc.option(arbitrary, { nil: undefined });

const email = fc.record(
  {
    value: word,
    type: fc.constantFrom('work', 'home', 'Work'),
    primary: fc.boolean(),
  },
  { requiredKeys: ['value'] },
);

/** A stored User resource with the attributes IdPs filter on. */
export const arbitraryUser: fc.Arbitrary<ScimResource> = fc
  .record({
    id: fc.uuid(),
    userName: word,
    externalId: optional(word),
    displayName: optional(word),
    title: optional(word),
    active: optional(fc.boolean()),
    givenName: optional(word),
    emails: optional(fc.array(email, { minLength: 1, maxLength: 3 })),
    employeeNumber: optional(word),
    manager: optional(word),
    created: isoTime,
    lastModified: isoTime,
  })
  .map(toUser);

function toUser(fields: Record<string, unknown>): ScimResource {
  const pick = (keys: string[]): ScimResource =>
    Object.fromEntries(
      keys.filter((k) => fields[k] !== undefined).map((k) => [k, fields[k]]),
    ) as ScimResource;
  const user: ScimResource = {
    schemas: [userSchemaUrn],
    ...pick([
      'id',
      'userName',
      'externalId',
      'displayName',
      'title',
      'active',
      'emails',
    ]),
    meta: {
      resourceType: 'User',
      created: fields['created'],
      lastModified: fields['lastModified'],
    } as ScimResource,
  };
  if (fields['givenName'] !== undefined)
    user['name'] = { givenName: fields['givenName'] as string };

  const extension: ScimResource = {};
  if (fields['employeeNumber'] !== undefined)
    extension['employeeNumber'] = fields['employeeNumber'] as string;
  if (fields['manager'] !== undefined)
    extension['manager'] = { value: fields['manager'] as string };
  if (Object.keys(extension).length > 0) {
    user[enterpriseUserSchemaUrn] = extension;
    user['schemas'] = [userSchemaUrn, enterpriseUserSchemaUrn];
  }
  return user;
}

const stringPaths: AttributePath[] = [
  { name: 'userName' },
  { name: 'USERNAME' },
  { name: 'externalId' },
  { name: 'displayName' },
  { name: 'title' },
  { name: 'name', sub: 'givenName' },
  { name: 'emails' },
  { name: 'emails', sub: 'value' },
  { name: 'emails', sub: 'type' },
  { uri: enterpriseUserSchemaUrn, name: 'employeeNumber' },
  { uri: enterpriseUserSchemaUrn, name: 'manager', sub: 'value' },
  { uri: userSchemaUrn, name: 'userName' },
];

const stringOps = [
  'eq',
  'ne',
  'co',
  'sw',
  'ew',
  'gt',
  'ge',
  'lt',
  'le',
] as const;

const orderOps = ['eq', 'ne', 'gt', 'ge', 'lt', 'le'] as const;

const leaf: fc.Arbitrary<Filter> = fc.oneof(
  fc.record({
    kind: fc.constant('compare' as const),
    path: fc.constantFrom(...stringPaths),
    op: fc.constantFrom(...stringOps),
    value: word,
  }),
  fc.record({
    kind: fc.constant('compare' as const),
    path: fc.constantFrom<AttributePath>(
      { name: 'active' },
      { name: 'emails', sub: 'primary' },
    ),
    op: fc.constantFrom('eq' as const, 'ne' as const),
    value: fc.constantFrom<FilterValue>(true, false, 'True', 'false'),
  }),
  fc.record({
    kind: fc.constant('compare' as const),
    path: fc.constantFrom<AttributePath>(
      { name: 'meta', sub: 'created' },
      { name: 'meta', sub: 'lastModified' },
    ),
    op: fc.constantFrom(...orderOps),
    value: isoTime,
  }),
  fc.record({
    kind: fc.constant('present' as const),
    path: fc.constantFrom<AttributePath>(
      ...stringPaths,
      { name: 'name' },
      { name: 'active' },
      { uri: enterpriseUserSchemaUrn, name: 'manager' },
    ),
  }),
  fc.record({
    kind: fc.constant('compare' as const),
    path: fc.constantFrom(...stringPaths),
    op: fc.constantFrom('eq' as const, 'ne' as const),
    value: fc.constant(null),
  }),
);

const elementLeaf: fc.Arbitrary<Filter> = fc.oneof(
  fc.record({
    kind: fc.constant('compare' as const),
    path: fc.constantFrom<AttributePath>(
      { name: 'value' },
      { name: 'type' },
      { name: 'TYPE' },
    ),
    op: fc.constantFrom(...stringOps),
    value: word,
  }),
  fc.record({
    kind: fc.constant('compare' as const),
    path: fc.constant<AttributePath>({ name: 'primary' }),
    op: fc.constant('eq' as const),
    value: fc.boolean(),
  }),
);

const logical = (
  inner: fc.Arbitrary<Filter>,
  depth: number,
): fc.Arbitrary<Filter> =>
  depth === 0
    ? inner
    : fc.oneof(
        { weight: 3, arbitrary: inner },
        {
          weight: 2,
          arbitrary: fc
            .tuple(
              fc.constantFrom('and' as const, 'or' as const),
              logical(inner, depth - 1),
              logical(inner, depth - 1),
            )
            .map(([kind, left, right]): Filter => ({ kind, left, right })),
        },
        {
          weight: 1,
          arbitrary: logical(inner, depth - 1).map((filter): Filter => ({
            kind: 'not',
            filter,
          })),
        },
      );

const valuePath: fc.Arbitrary<Filter> = logical(elementLeaf, 1).map(
  (filter): Filter => ({ kind: 'valuePath', path: { name: 'emails' }, filter }),
);

/** Filters over the paths of `arbitraryUser`, valid for the User schema. */
export const arbitraryUserFilter: fc.Arbitrary<Filter> = logical(
  fc.oneof({ weight: 4, arbitrary: leaf }, { weight: 1, arbitrary: valuePath }),
  3,
);
