import type { ScimResource } from '../resource/json-value';
import { groupResourceType, userResourceType } from '../schema/resource-type';
import { applyPatch } from './apply-patch';
import { parsePatchRequest } from './parse-patch-request';

const enterprise = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const userUrn = 'urn:ietf:params:scim:schemas:core:2.0:User';
const groupUrn = 'urn:ietf:params:scim:schemas:core:2.0:Group';

const user: ScimResource = {
  schemas: [userUrn],
  id: 'u-1',
  userName: 'ann@example.com',
  name: { givenName: 'Anne', familyName: 'Smith' },
  active: true,
  emails: [
    { value: 'ann@home.example', type: 'home' },
    { value: 'ann@old.example', type: 'work', primary: true },
  ],
};

const group: ScimResource = {
  schemas: [groupUrn],
  id: 'g-1',
  displayName: 'Admins',
  members: [{ value: 'u-1' }, { value: 'u-2' }, { value: 'u-3' }],
};

function patchUser(operations: unknown[], base = user): ScimResource {
  return applyPatch(
    base,
    parsePatchRequest({ Operations: operations }),
    userResourceType,
  );
}

function patchGroup(operations: unknown[]): ScimResource {
  return applyPatch(
    group,
    parsePatchRequest({ Operations: operations }),
    groupResourceType,
  );
}

describe('PATCH dialects of Okta and Entra ID', () => {
  it('1. accepts Replace, Add and Remove capitalised', () => {
    const result = patchUser([
      { op: 'Replace', path: 'title', value: 'CTO' },
      { op: 'Add', path: 'nickName', value: 'Annie' },
      { op: 'Remove', path: 'name.familyName' },
    ]);

    expect(result).toEqual({
      ...user,
      title: 'CTO',
      nickName: 'Annie',
      name: { givenName: 'Anne' },
    });
  });

  it('2. coerces "False" to a boolean', () => {
    const result = patchUser([
      { op: 'Replace', path: 'active', value: 'False' },
    ]);

    expect(result).toEqual({ ...user, active: false });
  });

  it('3. add on a single-valued attribute replaces its value', () => {
    const result = patchUser([
      { op: 'add', path: 'userName', value: 'b@example.com' },
    ]);

    expect(result).toEqual({ ...user, userName: 'b@example.com' });
  });

  it('4. sets dotted and URN keys of a pathless value as sub-attributes', () => {
    const result = patchUser([
      {
        op: 'replace',
        value: {
          'name.givenName': 'Ann',
          [`${enterprise}:employeeNumber`]: '7',
        },
      },
    ]);

    expect(result).toEqual({
      ...user,
      schemas: [userUrn, enterprise],
      name: { givenName: 'Ann', familyName: 'Smith' },
      [enterprise]: { employeeNumber: '7' },
    });
  });

  it('5. replaces only the work email through a filtered path', () => {
    const result = patchUser([
      {
        op: 'Replace',
        path: 'emails[type eq "work"].value',
        value: 'a@example.com',
      },
    ]);

    expect(result).toEqual({
      ...user,
      emails: [
        { value: 'ann@home.example', type: 'home' },
        { value: 'a@example.com', type: 'work', primary: true },
      ],
    });
  });

  it('6. creates the element when a filtered path matches nothing', () => {
    const result = patchUser([
      {
        op: 'add',
        path: 'phoneNumbers[type eq "mobile"].value',
        value: '+1 555 0100',
      },
      {
        op: 'replace',
        path: 'addresses[type eq "work"].locality',
        value: 'Oslo',
      },
    ]);

    expect(result).toEqual({
      ...user,
      phoneNumbers: [{ type: 'mobile', value: '+1 555 0100' }],
      addresses: [{ type: 'work', locality: 'Oslo' }],
    });
  });

  it('7. removes members by value array, or all of them without a value', () => {
    const byValue = patchGroup([
      { op: 'Remove', path: 'members', value: [{ $ref: null, value: 'u-2' }] },
    ]);
    const all = patchGroup([{ op: 'remove', path: 'members' }]);

    expect(byValue).toEqual({
      ...group,
      members: [{ value: 'u-1' }, { value: 'u-3' }],
    });
    expect(all).toEqual({
      schemas: [groupUrn],
      id: 'g-1',
      displayName: 'Admins',
    });
  });

  it('8. removes a member by filter; no match is a no-op', () => {
    const removed = patchGroup([
      { op: 'remove', path: 'members[value eq "u-2"]' },
    ]);
    const unchanged = patchGroup([
      { op: 'remove', path: 'members[value eq "u-9"]' },
    ]);

    expect(removed).toEqual({
      ...group,
      members: [{ value: 'u-1' }, { value: 'u-3' }],
    });
    expect(unchanged).toEqual(group);
  });

  it('9. tolerates $ref null and extra keys; an existing member is a no-op', () => {
    const result = patchGroup([
      {
        op: 'Add',
        path: 'members',
        value: [
          { $ref: null, value: 'u-4', display: 'Dan', displayName: 'Dan' },
          { value: 'u-1' },
        ],
      },
    ]);

    expect(result).toEqual({
      ...group,
      members: [
        ...(group['members'] as object[]),
        { value: 'u-4', display: 'Dan' },
      ],
    });
  });

  it('10. stores a bare manager id as {value} and removes it both ways', () => {
    const withManager = patchUser([
      { op: 'Add', path: `${enterprise}:manager`, value: 'm-1' },
    ]);
    const byFilter = patchUser(
      [{ op: 'Remove', path: `${enterprise}:manager[value eq "m-1"]` }],
      withManager,
    );
    const byValue = patchUser(
      [
        {
          op: 'Remove',
          path: `${enterprise}:manager`,
          value: [{ value: 'm-1' }],
        },
      ],
      withManager,
    );

    expect(withManager).toEqual({
      ...user,
      schemas: [userUrn, enterprise],
      [enterprise]: { manager: { value: 'm-1' } },
    });
    expect(byFilter).toEqual(user);
    expect(byValue).toEqual(user);
  });

  it('11. a pathless replace with id renames and keeps the members', () => {
    const result = patchGroup([
      { op: 'Replace', value: { id: 'g-1', displayName: 'New' } },
    ]);

    expect(result).toEqual({ ...group, displayName: 'New' });
  });

  it('12. an empty Operations array is a no-op', () => {
    expect(patchGroup([])).toEqual(group);
  });

  it('13. skips a path into a schema it does not know, and applies the rest', () => {
    const custom =
      'urn:ietf:params:scim:schemas:extension:CustomExtensionName:2.0:User';
    const result = patchUser([
      { op: 'Replace', path: `${custom}:CustomAttribute`, value: 'v2' },
      { op: 'Replace', path: 'active', value: 'False' },
    ]);

    expect(result).toEqual({ ...user, active: false });
  });

  it('14. reads roles that Entra sends as JSON text as the roles they encode', () => {
    const encoded = (value: string) =>
      JSON.stringify({
        id: `id-${value}`,
        value,
        displayName: `${value} role`,
      });
    const base = {
      ...user,
      roles: [{ value: 'Admin', type: 'WindowsAzureActiveDirectoryRole' }],
    };

    const result = patchUser(
      [
        { op: 'Add', path: 'roles', value: [{ value: encoded('reader') }] },
        { op: 'Remove', path: 'roles', value: [{ value: encoded('Admin') }] },
      ],
      base,
    );

    expect(result).toEqual({
      ...user,
      roles: [{ value: 'reader', display: 'reader role' }],
    });
  });

  it('15. a replace of the whole enterprise extension keeps what it omits', () => {
    const base = {
      ...user,
      schemas: [userUrn, enterprise],
      [enterprise]: { department: 'Sales', employeeNumber: '6' },
    };

    const pathless = patchUser(
      [{ op: 'replace', value: { [enterprise]: { employeeNumber: '7' } } }],
      base,
    );
    const byPath = patchUser(
      [{ op: 'replace', path: enterprise, value: { employeeNumber: '7' } }],
      base,
    );

    const expected = {
      ...base,
      [enterprise]: { department: 'Sales', employeeNumber: '7' },
    };
    expect(pathless).toEqual(expected);
    expect(byPath).toEqual(expected);
  });
});
