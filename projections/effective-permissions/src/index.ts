export {
  toCheckResult,
  type CheckResult,
  type DenyReason,
  type UserRef,
} from './check-result';
export {
  createEffectivePermissionsReader,
  type EffectivePermissionsReader,
  type PermissionCheck,
  type UserPermissions,
} from './effective-permissions-reader';
export { effectivePermissionsProjection } from './effective-permissions-projection';
export type {
  EffectivePermissionsDatabase,
  PermissionSource,
} from './effective-permissions-tables';
export {
  parsePermissionNotice,
  PERMISSIONS_CHANNEL,
  type PermissionNotice,
} from './permission-notices';
export {
  createSnapshotReader,
  type SnapshotReader,
  type UserSnapshot,
} from './snapshot-reader';
export { userNameKey } from './user-name-key';
