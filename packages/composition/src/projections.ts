import type { RegisteredProjection } from '@roster/projection-runtime';
import { effectivePermissionsProjection } from '@roster/projection-effective-permissions';
import { scimResourcesProjection } from '@roster/projection-scim-resources';
import { tenantDirectoryProjection } from '@roster/projection-tenant-directory';

/** Every projection Roster builds, in every mode. */
export const rosterProjections: readonly RegisteredProjection[] = [
  tenantDirectoryProjection,
  scimResourcesProjection,
  effectivePermissionsProjection,
];
