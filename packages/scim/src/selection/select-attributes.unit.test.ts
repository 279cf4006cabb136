import { enterpriseUserSchemaUrn, userSchemaUrn } from '../schema/schema-urns';
import { groupResourceType, userResourceType } from '../schema/resource-type';
import { selectAttributes } from './select-attributes';

const user = {
  schemas: [userSchemaUrn, enterpriseUserSchemaUrn],
  id: 'u-1',
  userName: 'ann@example.com',
  password: 'secret',
  name: { givenName: 'Ann', familyName: 'Example' },
  emails: [
    { value: 'ann@example.com', type: 'work' },
    { value: 'ann@home.example', type: 'home' },
  ],
  meta: { resourceType: 'User', version: 'W/"1"' },
  [enterpriseUserSchemaUrn]: { employeeNumber: '7', department: 'R&D' },
};

describe('selectAttributes', () => {
  it('never returns a returned:never attribute, even when asked', () => {
    expect(selectAttributes(user, userResourceType)).not.toHaveProperty(
      'password',
    );
    expect(
      selectAttributes(user, userResourceType, { attributes: ['password'] }),
    ).not.toHaveProperty('password');
  });

  it('returns only what `attributes` names, plus id and schemas', () => {
    const selected = selectAttributes(user, userResourceType, {
      attributes: ['userName', 'name.givenName'],
    });

    expect(selected).toEqual({
      schemas: user.schemas,
      id: 'u-1',
      userName: 'ann@example.com',
      name: { givenName: 'Ann' },
    });
  });

  it('drops what `excludedAttributes` names, by sub-attribute and by URN, case-insensitively', () => {
    const selected = selectAttributes(user, userResourceType, {
      excludedAttributes: [
        'EMAILS.type',
        `${enterpriseUserSchemaUrn}:department`,
        'meta',
      ],
    });

    expect(selected['emails']).toEqual([
      { value: 'ann@example.com' },
      { value: 'ann@home.example' },
    ]);
    expect(selected[enterpriseUserSchemaUrn]).toEqual({ employeeNumber: '7' });
    expect(selected).toHaveProperty('id', 'u-1');
  });

  it('can never exclude id or schemas', () => {
    const selected = selectAttributes(user, userResourceType, {
      excludedAttributes: ['id', 'schemas'],
    });

    expect(selected).toHaveProperty('id', 'u-1');
    expect(selected).toHaveProperty('schemas');
  });

  it('excludes group members without touching the rest', () => {
    const group = {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
      id: 'g-1',
      displayName: 'G',
      members: [{ value: 'u-1' }],
    };

    expect(
      selectAttributes(group, groupResourceType, {
        excludedAttributes: ['members'],
      }),
    ).toEqual({
      schemas: group.schemas,
      id: 'g-1',
      displayName: 'G',
    });
  });
});
