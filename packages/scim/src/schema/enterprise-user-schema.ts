import { attribute, complex } from './attribute-definition';
import type { SchemaDefinition } from './attribute-definition';
import { enterpriseUserSchemaUrn } from './schema-urns';

/** The Enterprise User extension of RFC 7643 §4.3. */
export const enterpriseUserSchema: SchemaDefinition = {
  id: enterpriseUserSchemaUrn,
  name: 'EnterpriseUser',
  description: 'Enterprise User',
  attributes: [
    attribute('employeeNumber', 'string'),
    attribute('costCenter', 'string'),
    attribute('organization', 'string'),
    attribute('division', 'string'),
    attribute('department', 'string'),
    complex('manager', [
      attribute('value', 'string'),
      attribute('$ref', 'reference', { referenceTypes: ['User'] }),
      attribute('displayName', 'string', { mutability: 'readOnly' }),
    ]),
  ],
};
