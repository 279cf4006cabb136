import { Router } from 'express';
import { HttpProblem } from '@roster/service-kit';
import type { AdminDeps } from './access-deps';
import { roleRoutes } from './admin/role-routes';
import { tenantRoutes } from './admin/tenant-routes';
import { userRoutes } from './admin/user-routes';
import { jsonBody } from './http/json-body';
import { operatorAuth } from './http/operator-auth';
import { problemHandler } from './http/problem-handler';

/**
 * The operator's API, mounted at /admin/v1. Every write goes through the
 * ledger and answers only once the read models show it. Expects the app
 * to install service-kit's requestContext before it.
 */
export function createAdminRouter(deps: AdminDeps): Router {
  const router = Router();

  router.use(operatorAuth(deps.operatorTokenHash));
  router.use(jsonBody());
  router.use(tenantRoutes(deps));
  router.use(roleRoutes(deps));
  router.use(userRoutes(deps));
  router.use(() => {
    throw new HttpProblem(404, 'Not found', 'no such admin endpoint');
  });
  router.use(problemHandler());
  return router;
}
