import { Router, type Request, type Response } from 'express';
import { createUser, setDirectGrant } from '@roster/ledger';
import type { AdminDeps } from '../access-deps';
import { adminContext } from '../http/admin-context';
import { param, parseBody, parseParam, tenantParam } from '../http/parse-input';
import { createUserBody, permissionName } from './admin-bodies';
import { requireTenant } from './require-tenant';

const userSchema = 'urn:ietf:params:scim:schemas:core:2.0:User';

/** Product users (before SCIM knows them) and direct grants. */
export function userRoutes(deps: AdminDeps): Router {
  const router = Router();

  router.post('/tenants/:tenantId/users', (req, res) =>
    createProductUser(deps, req, res),
  );
  const grant = '/tenants/:tenantId/users/:userId/grants/*permission';
  router.put(grant, (req, res) => setGrant(deps, true, req, res));
  router.delete(grant, (req, res) => setGrant(deps, false, req, res));
  return router;
}

async function createProductUser(
  deps: AdminDeps,
  req: Request,
  res: Response,
): Promise<void> {
  const tenantId = tenantParam(req);
  const { userName, displayName, emails } = parseBody(req, createUserBody);
  await requireTenant(deps.store, tenantId);

  const resource = {
    schemas: [userSchema],
    userName,
    ...(displayName === undefined ? {} : { displayName }),
    ...(emails === undefined ? {} : { emails }),
  };
  const ctx = adminContext(req, deps, tenantId);
  const write = { userName, active: true, resource };
  const result = await createUser(ctx, write, 'product');
  await deps.consistency.afterWrite(tenantId, result.position);

  res.status(201).json({ id: result.userId });
}

async function setGrant(
  deps: AdminDeps,
  granted: boolean,
  req: Request,
  res: Response,
): Promise<void> {
  const tenantId = tenantParam(req);
  const userId = param(req, 'userId');
  const permission = parseParam(req, 'permission', permissionName);

  const ctx = adminContext(req, deps, tenantId);
  const result = await setDirectGrant(ctx, userId, permission, granted);
  await deps.consistency.afterWrite(tenantId, result.position);

  res.status(204).end();
}
