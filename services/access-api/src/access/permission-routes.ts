import { Router, type Request, type Response } from 'express';
import type { EffectivePermissionsReader } from '@roster/projection-effective-permissions';
import { HttpProblem } from '@roster/service-kit';
import { requireTenantAccess } from '../http/caller-auth';
import { param, tenantParam } from '../http/parse-input';

/** Effective permissions of a user (checks are the check route's). */
export function permissionRoutes(
  reader: EffectivePermissionsReader,
  requireTenant: (tenantId: string) => Promise<void>,
): Router {
  const router = Router();

  router.get('/tenants/:tenantId/users/:userId/permissions', (req, res) =>
    userPermissions(reader, requireTenant, req, res),
  );
  return router;
}

async function userPermissions(
  reader: EffectivePermissionsReader,
  requireTenant: (tenantId: string) => Promise<void>,
  req: Request,
  res: Response,
): Promise<void> {
  const tenantId = tenantParam(req);
  requireTenantAccess(req, tenantId);
  await requireTenant(tenantId);

  const found = await reader.userPermissions(tenantId, param(req, 'userId'));
  if (!found) throw new HttpProblem(404, 'Not found', 'user not found');
  res.json(found);
}
