export {
  groupDecider,
  type GroupCommand,
  type GroupState,
} from './aggregates/group';
export {
  normaliseName,
  reservationDecider,
  type NameKind,
  type ReservationCommand,
  type ReservationState,
} from './aggregates/name-reservation';
export {
  normaliseSource,
  roleCatalogDecider,
  type RoleCatalogCommand,
  type RoleCatalogState,
  type RoleMapping,
} from './aggregates/role-catalog';
export {
  tenantDecider,
  type TenantCommand,
  type TenantState,
  type TokenKind,
} from './aggregates/tenant';
export {
  userDecider,
  type UserCommand,
  type UserState,
} from './aggregates/user';
export { fold, type Decider } from './decider';
export { DomainError, type DomainErrorCode } from './domain-error';
export {
  currentVersion,
  eventSchemas,
  isEventType,
  type DomainEvent,
  type EventData,
  type EventOf,
  type EventType,
} from './events/catalog';
export {
  actor,
  eventMetadata,
  type Actor,
  type EventMetadata,
  type RequestContext,
} from './events/metadata';
export { parseEvent, UnreadableEventError } from './events/parse-event';
export {
  mappingSource,
  permissionName,
  roleName,
  type MappingSource,
} from './events/role-events';
export {
  memberRef,
  scimResource,
  type MemberRef,
  type ScimResource,
} from './events/scim-resource';
export { canonicalJsonText } from './canonical-json-text';
export {
  canonicalJson,
  hashEvent,
  hashEventText,
  type HashedFields,
  type HashedText,
} from './hash-chain';
export { scimRoleValues } from './scim-role-values';
