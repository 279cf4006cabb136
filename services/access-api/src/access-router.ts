import { Router } from 'express';
import { createEffectivePermissionsReader } from '@roster/projection-effective-permissions';
import type { FastRoute } from '@roster/service-kit';
import type { AccessDeps } from './access-deps';
import { createCheckRoute } from './access/check-route';
import { tenantGuard } from './access/tenant-guard';
import { permissionRoutes } from './access/permission-routes';
import { callerAuth } from './http/caller-auth';
import { callerIdentity } from './http/caller-identity';
import { jsonBody } from './http/json-body';
import { param } from './http/parse-input';
import { problemHandler } from './http/problem-handler';

/** /v1 as an express router, and its check route for the fast path. */
export interface AccessRouter {
  readonly router: Router;
  /** Serve it ahead of express (`serve`'s `fastRoutes`); the router has it too. */
  readonly checkRoute: FastRoute;
}

/**
 * Permission checks, mounted at /v1: the operator token, or a service
 * token that sees only its own tenant. Expects the app to install
 * service-kit's requestContext before it. Unmatched paths fall through,
 * so the audit routes may share /v1.
 */
export function createAccessRouter(deps: AccessDeps): Router {
  return createAccessRoutes(deps).router;
}

/** `createAccessRouter`, and its check route for the fast path. */
export function createAccessRoutes(deps: AccessDeps): AccessRouter {
  const router = Router();
  const reader = createEffectivePermissionsReader(
    deps.readClient,
    deps.readClient.kind,
  );
  const cacheMs = deps.tokenCacheMs ?? 1000;
  const requireTenant = tenantGuard(deps.tokens);
  const checkRoute = createCheckRoute({
    reader,
    identify: callerIdentity(deps.operatorTokenHash, deps.tokens, cacheMs),
    requireTenant,
    metrics: deps.metrics,
  });

  router.post('/tenants/:tenantId/check', (req, res) =>
    checkRoute.serve(req, res, param(req, 'tenantId')),
  );
  router.use(callerAuth(deps.operatorTokenHash, deps.tokens, cacheMs));
  router.use(jsonBody());
  router.use(permissionRoutes(reader, requireTenant));
  router.use(problemHandler());
  return { router, checkRoute };
}
