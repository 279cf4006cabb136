import { Router } from 'express';
import { ScimError } from '@roster/scim';
import { discoveryRoutes } from './discovery/discovery-routes';
import { handle } from './http/scim-call';
import { listOp, searchBody } from './listing/list-operation';
import { groupOperations } from './groups/group-operations';
import { rememberScimBase } from './http/render-resource';
import { resourceRoutes } from './http/resource-routes';
import { safeText } from './http/safe-text';
import { scimBody } from './http/scim-body';
import { scimErrorHandler } from './http/scim-errors';
import { tenantAuth } from './http/tenant-auth';
import type { ScimDeps } from './scim-deps';
import { userOperations } from './users/user-operations';
import { bulkRoute } from './bulk/bulk-route';

/**
 * SCIM 2.0 for many tenants, mounted at /scim/v2: the bearer token selects
 * the tenant. Paths are matched case-insensitively, with or without a
 * trailing slash.
 */
export function createScimRouter(deps: ScimDeps): Router {
  const router = Router({ caseSensitive: false, strict: false });

  router.use(rememberScimBase);
  router.use(tenantAuth(deps.tokens));
  router.use(scimBody(deps.limits.maxBodyBytes));
  router.use(safeText);
  router.use(discoveryRoutes(deps.limits));
  router.use('/Users', resourceRoutes(deps, userOperations));
  router.use('/Groups', resourceRoutes(deps, groupOperations));
  router.post('/Bulk', bulkRoute(deps));
  router.post(
    '/.search',
    handle(deps, (call, req) => listOp(call, 'all', searchBody(req.body))),
  );
  router.use(() => {
    throw new ScimError(404, undefined, 'no such SCIM endpoint');
  });
  router.use(scimErrorHandler());
  return router;
}
