import { Router } from 'express';
import type { AccessDeps } from './access-deps';
import { permissionRoutes } from './access/permission-routes';
import { callerAuth } from './http/caller-auth';
import { jsonBody } from './http/json-body';
import { problemHandler } from './http/problem-handler';

/**
 * Permission checks, mounted at /v1: the operator token, or a service
 * token that sees only its own tenant. Expects the app to install
 * service-kit's requestContext before it. Unmatched paths fall through,
 * so the audit routes may share /v1.
 */
export function createAccessRouter(deps: AccessDeps): Router {
  const router = Router();

  router.use(
    callerAuth(deps.operatorTokenHash, deps.tokens, deps.tokenCacheMs ?? 1000),
  );
  router.use(jsonBody());
  router.use(permissionRoutes(deps));
  router.use(problemHandler());
  return router;
}
