import { attribute, complex } from './attribute-definition';
import type { SchemaDefinition } from './attribute-definition';
import { groupSchemaUrn } from './schema-urns';

/** The core Group schema of RFC 7643 §4.2; `display` is what IdPs send. */
export const groupSchema: SchemaDefinition = {
  id: groupSchemaUrn,
  name: 'Group',
  description: 'Group',
  attributes: [
    attribute('displayName', 'string', { required: true }),
    complex(
      'members',
      [
        attribute('value', 'string', { mutability: 'immutable' }),
        attribute('$ref', 'reference', {
          mutability: 'immutable',
          referenceTypes: ['User', 'Group'],
        }),
        attribute('display', 'string'),
        attribute('type', 'string', { canonicalValues: ['User', 'Group'] }),
      ],
      { multiValued: true },
    ),
  ],
};
