import { Router } from 'express';
import { callerAuth } from '../http/caller-auth';
import { problemHandler } from '../http/problem-handler';
import type { AuditDeps } from './audit-deps';
import { exportRoute } from './export-route';
import { pointInTimeRoutes } from './point-in-time-routes';
import { timelineRoutes } from './timeline-routes';
import { verifyRoute } from './verify-route';

/**
 * The audit endpoints, mounted at /v1 next to the access router: the
 * operator token, or a service token that reads only its own tenant.
 * Expects service-kit's requestContext before it; unmatched paths fall
 * through.
 */
export function createAuditRouter(deps: AuditDeps): Router {
  const router = Router();

  router.use(
    '/tenants/:tenantId/audit',
    callerAuth(deps.operatorTokenHash, deps.tokens, deps.tokenCacheMs ?? 1000),
  );
  router.use(timelineRoutes(deps));
  router.use(pointInTimeRoutes(deps));
  router.use(exportRoute(deps));
  router.use(verifyRoute(deps));
  router.use(problemHandler());
  return router;
}
