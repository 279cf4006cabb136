import { attribute, complex } from './attribute-definition';
import type { AttributeDefinition } from './attribute-definition';

const readOnly = { mutability: 'readOnly', caseExact: true } as const;

/** id, externalId and meta: part of every resource (RFC 7643 §3.1). */
export const commonAttributes: readonly AttributeDefinition[] = [
  attribute('id', 'string', {
    ...readOnly,
    returned: 'always',
    uniqueness: 'server',
  }),
  attribute('externalId', 'string', { caseExact: true }),
  complex(
    'meta',
    [
      attribute('resourceType', 'string', readOnly),
      attribute('created', 'dateTime', readOnly),
      attribute('lastModified', 'dateTime', readOnly),
      attribute('location', 'reference', {
        ...readOnly,
        referenceTypes: ['uri'],
      }),
      attribute('version', 'string', readOnly),
    ],
    { mutability: 'readOnly' },
  ),
];
