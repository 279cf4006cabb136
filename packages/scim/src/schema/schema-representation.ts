import type { JsonObject } from '../resource/json-value';
import type {
  AttributeDefinition,
  SchemaDefinition,
} from './attribute-definition';
import type { ResourceType } from './resource-type';

const schemaUrn = 'urn:ietf:params:scim:schemas:core:2.0:Schema';

const resourceTypeUrn = 'urn:ietf:params:scim:schemas:core:2.0:ResourceType';

/** A schema as `/Schemas/{id}` serves it (RFC 7643 §7). */
export function toSchemaRepresentation(
  schema: SchemaDefinition,
  baseUrl = '',
): JsonObject {
  return {
    schemas: [schemaUrn],
    id: schema.id,
    name: schema.name,
    description: schema.description,
    attributes: schema.attributes.map(toAttributeRepresentation),
    meta: {
      resourceType: 'Schema',
      location: `${baseUrl}/Schemas/${schema.id}`,
    },
  };
}

/** A resource type as `/ResourceTypes/{id}` serves it (RFC 7643 §6). */
export function toResourceTypeRepresentation(
  type: ResourceType,
  baseUrl = '',
): JsonObject {
  return {
    schemas: [resourceTypeUrn],
    id: type.id,
    name: type.name,
    endpoint: type.endpoint,
    description: type.description,
    schema: type.schema.id,
    schemaExtensions: type.extensions.map((extension) => ({
      schema: extension.schema.id,
      required: extension.required,
    })),
    meta: {
      resourceType: 'ResourceType',
      location: `${baseUrl}/ResourceTypes/${type.id}`,
    },
  };
}

function toAttributeRepresentation(
  definition: AttributeDefinition,
): JsonObject {
  const { subAttributes, canonicalValues, referenceTypes, ...rest } =
    definition;
  const result: JsonObject = { ...rest };

  if (canonicalValues) result['canonicalValues'] = [...canonicalValues];
  if (referenceTypes) result['referenceTypes'] = [...referenceTypes];
  if (subAttributes) {
    result['subAttributes'] = subAttributes.map(toAttributeRepresentation);
  }

  return result;
}
