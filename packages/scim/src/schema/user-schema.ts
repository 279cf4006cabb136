import { attribute, complex, multiValued } from './attribute-definition';
import type { SchemaDefinition } from './attribute-definition';
import { userSchemaUrn } from './schema-urns';

const str = (name: string): ReturnType<typeof attribute> =>
  attribute(name, 'string');

const readOnlyRef = attribute('$ref', 'reference', {
  mutability: 'readOnly',
  referenceTypes: ['User', 'Group'],
});

/** The core User schema of RFC 7643 §4.1. */
export const userSchema: SchemaDefinition = {
  id: userSchemaUrn,
  name: 'User',
  description: 'User Account',
  attributes: [
    attribute('userName', 'string', { required: true, uniqueness: 'server' }),
    complex('name', [
      str('formatted'),
      str('familyName'),
      str('givenName'),
      str('middleName'),
      str('honorificPrefix'),
      str('honorificSuffix'),
    ]),
    str('displayName'),
    str('nickName'),
    attribute('profileUrl', 'reference', { referenceTypes: ['external'] }),
    str('title'),
    str('userType'),
    str('preferredLanguage'),
    str('locale'),
    str('timezone'),
    attribute('active', 'boolean'),
    attribute('password', 'string', {
      mutability: 'writeOnly',
      returned: 'never',
    }),
    multiValued('emails', 'string', ['work', 'home', 'other']),
    multiValued('phoneNumbers', 'string', [
      'work',
      'home',
      'mobile',
      'fax',
      'pager',
      'other',
    ]),
    multiValued('ims', 'string', ['aim', 'gtalk', 'icq', 'xmpp', 'skype']),
    multiValued('photos', 'reference', ['photo', 'thumbnail']),
    complex(
      'addresses',
      [
        str('formatted'),
        str('streetAddress'),
        str('locality'),
        str('region'),
        str('postalCode'),
        str('country'),
        attribute('type', 'string', {
          canonicalValues: ['work', 'home', 'other'],
        }),
        attribute('primary', 'boolean'),
      ],
      { multiValued: true },
    ),
    complex(
      'groups',
      [
        attribute('value', 'string', { mutability: 'readOnly' }),
        readOnlyRef,
        attribute('display', 'string', { mutability: 'readOnly' }),
        attribute('type', 'string', {
          mutability: 'readOnly',
          canonicalValues: ['direct', 'indirect'],
        }),
      ],
      { multiValued: true, mutability: 'readOnly' },
    ),
    multiValued('entitlements', 'string', []),
    multiValued('roles', 'string', []),
    multiValued('x509Certificates', 'binary', []),
  ],
};
