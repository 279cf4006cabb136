export type {
  Consistency,
  ListRequest,
  ListResult,
  ScimReader,
  StoredResource,
  TokenLookup,
} from './ports';
export type { ScimDeps } from './scim-deps';
export { defaultScimLimits, type ScimLimits } from './scim-limits';
export { createScimRouter } from './scim-router';
export { toScimError } from './http/scim-errors';
export { scimReadModel } from './read-model/scim-read-model';
