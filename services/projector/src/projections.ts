import type { RegisteredProjection } from '@roster/projection-runtime';
import { effectivePermissionsProjection } from '@roster/projection-effective-permissions';
import { scimResourcesProjection } from '@roster/projection-scim-resources';
import { tenantDirectoryProjection } from '@roster/projection-tenant-directory';

/** Every projection the projector workers build. */
export const projections: readonly RegisteredProjection[] = [
  tenantDirectoryProjection,
  scimResourcesProjection,
  effectivePermissionsProjection,
];
