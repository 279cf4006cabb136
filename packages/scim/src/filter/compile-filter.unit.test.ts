import type { ScimResource } from '../resource/json-value';
import { userResourceType } from '../schema/resource-type';
import { compileFilter } from './compile-filter';
import { parseFilter } from './parse-filter';

const enterprise = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

const ann: ScimResource = {
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', enterprise],
  id: 'u-1',
  userName: 'Ann@Example.com',
  externalId: 'abc123',
  active: true,
  name: { givenName: 'Ann' },
  emails: [
    { value: 'ann@example.com', type: 'work' },
    { value: 'ann@home.example', type: 'home' },
  ],
  meta: {
    created: '2020-01-01T10:00:00Z',
    lastModified: '2020-01-02T10:00:00+02:00',
  },
  [enterprise]: { employeeNumber: '7', manager: { value: 'm-1' } },
};

const matches = (text: string): boolean =>
  compileFilter(parseFilter(text), userResourceType)(ann);

describe('compileFilter', () => {
  it.each([
    ['userName eq "ann@example.com"', true],
    ['USERNAME Eq "ANN@EXAMPLE.COM"', true],
    ['externalId eq "ABC123"', false],
    ['externalId eq abc123', true],
    ['userName co "example"', true],
    ['userName sw "ann"', true],
    ['userName ew ".COM"', true],
    ['userName gt "a"', true],
    ['userName lt "a"', false],
    ['active eq "True"', true],
    ['active ne true', false],
    ['title pr', false],
    ['title eq null', true],
    ['title ne "x"', true],
    ['name.givenName eq "ann"', true],
    ['emails co "home"', true],
    ['emails.type eq "home"', true],
    ['emails[type eq "work" and value co "@example.com"]', true],
    ['emails[type eq "home" and value co "@example.com"]', false],
    [`${enterprise}:employeeNumber eq "7"`, true],
    [`${enterprise}:manager.value eq "m-1"`, true],
    [`${enterprise}:manager eq "m-1"`, true],
    ['meta.lastModified lt "2020-01-02T09:00:00Z"', true],
    ['meta.created ge "2020-01-01T10:00:00.000Z"', true],
    ['not (active eq false) and (title pr or userName pr)', true],
  ])('%s -> %s', (text, expected) => {
    expect(matches(text)).toBe(expected);
  });

  it.each([
    'nope eq "x"',
    'active gt true',
    'active eq "yes"',
    'meta.created co "2020"',
    'name eq "x"',
    'emails[value[type pr]]',
    'userName[x pr]',
  ])('refuses %s with invalidFilter', (text) => {
    expect(() => matches(text)).toThrow(
      expect.objectContaining({ scimType: 'invalidFilter' }) as Error,
    );
  });
});
