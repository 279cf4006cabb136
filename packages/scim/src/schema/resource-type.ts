import type { SchemaDefinition } from './attribute-definition';
import { enterpriseUserSchema } from './enterprise-user-schema';
import { groupSchema } from './group-schema';
import { userSchema } from './user-schema';

export interface SchemaExtension {
  readonly schema: SchemaDefinition;
  readonly required: boolean;
}

/** A resource type (RFC 7643 §6): a core schema plus its extensions. */
export interface ResourceType {
  readonly id: string;
  readonly name: string;
  readonly endpoint: string;
  readonly description: string;
  readonly schema: SchemaDefinition;
  readonly extensions: readonly SchemaExtension[];
}

export const userResourceType: ResourceType = {
  id: 'User',
  name: 'User',
  endpoint: '/Users',
  description: 'User Account',
  schema: userSchema,
  extensions: [{ schema: enterpriseUserSchema, required: false }],
};

export const groupResourceType: ResourceType = {
  id: 'Group',
  name: 'Group',
  endpoint: '/Groups',
  description: 'Group',
  schema: groupSchema,
  extensions: [],
};

/** Every schema this library defines, for `/Schemas`. */
export const allSchemas: readonly SchemaDefinition[] = [
  userSchema,
  enterpriseUserSchema,
  groupSchema,
];

export const allResourceTypes: readonly ResourceType[] = [
  userResourceType,
  groupResourceType,
];
