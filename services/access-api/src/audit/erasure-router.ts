import { Router, type Request, type Response } from 'express';
import { eraseUser } from '@roster/audit';
import { requireTenant } from '../admin/require-tenant';
import { adminContext } from '../http/admin-context';
import { operatorAuth } from '../http/operator-auth';
import { param, tenantParam } from '../http/parse-input';
import { problemHandler } from '../http/problem-handler';
import type { ErasureDeps } from './audit-deps';

/**
 * `POST /tenants/{t}/users/{userId}/erase`, mounted at /admin/v1 before
 * the admin router (whose last handler answers every other path 404).
 */
export function createErasureRouter(deps: ErasureDeps): Router {
  const router = Router();
  const path = '/tenants/:tenantId/users/:userId/erase';

  router.post(path, operatorAuth(deps.operatorTokenHash), (req, res) =>
    erase(deps, req, res),
  );
  router.use(path, problemHandler());
  return router;
}

async function erase(
  deps: ErasureDeps,
  req: Request,
  res: Response,
): Promise<void> {
  const tenantId = tenantParam(req);
  await requireTenant(deps.store, tenantId);
  const ctx = adminContext(req, { ...deps }, tenantId);

  const result = await eraseUser(ctx, deps.keyring, param(req, 'userId'));
  await deps.consistency.afterWrite(tenantId, result.position);
  res
    .status(200)
    .json({ userId: result.userId, deleted: result.deleted, erased: true });
}
