export {
  openPermissionsHarness,
  type HarnessOptions,
  type PermissionsHarness,
} from './permissions-harness';
export {
  groupRef,
  tenantActions,
  userRef,
  type TenantActions,
} from './tenant-actions';
export { ReferencePermissions } from './reference-permissions';
