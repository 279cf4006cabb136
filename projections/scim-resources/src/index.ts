export type {
  ScimDatabase,
  ScimGroupMembersTable,
  ScimGroupsTable,
  ScimUsersTable,
} from './scim-database';
export { scimMigrations } from './scim-migrations';
export {
  createScimReader,
  type ListQuery,
  type Page,
  type PageRequest,
  type ScimReader,
} from './scim-reader';
export {
  SCIM_RESOURCES,
  scimResourcesProjection,
} from './scim-resources-projection';
export type { ScimGroupRow, ScimMemberRow, ScimUserRow } from './scim-rows';
