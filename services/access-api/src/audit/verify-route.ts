import { Router } from 'express';
import { verifyTenant } from '@roster/audit';
import { requireTenant } from '../admin/require-tenant';
import { requireTenantAccess } from '../http/caller-auth';
import { tenantParam } from '../http/parse-input';
import type { AuditDeps } from './audit-deps';

/** Recomputes every stream's hash chain and every sealed checkpoint. */
export function verifyRoute(deps: AuditDeps): Router {
  const router = Router();

  router.get('/tenants/:tenantId/audit/verify', async (req, res) => {
    const tenantId = tenantParam(req);
    requireTenantAccess(req, tenantId);
    await requireTenant(deps.store, tenantId);

    res.json(await verifyTenant(deps.store, tenantId));
  });
  return router;
}
