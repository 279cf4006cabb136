import { Router, type Request, type Response } from 'express';
import type { MappingSource } from '@roster/domain';
import { runRoleCommand } from '@roster/ledger';
import type { AdminDeps } from '../access-deps';
import { adminContext } from '../http/admin-context';
import { param, parseBody, parseParam, tenantParam } from '../http/parse-input';
import { createMappingBody, defineRoleBody, roleName } from './admin-bodies';
import { requireTenant } from './require-tenant';

/** Role definitions and the mappings from groups and SCIM roles. */
export function roleRoutes(deps: AdminDeps): Router {
  const router = Router();

  router.put('/tenants/:tenantId/roles/:role', (req, res) =>
    defineRole(deps, req, res),
  );
  router.delete('/tenants/:tenantId/roles/:role', (req, res) =>
    removeRole(deps, req, res),
  );
  router.post('/tenants/:tenantId/role-mappings', (req, res) =>
    mapRole(deps, req, res),
  );
  router.delete('/tenants/:tenantId/role-mappings/:mappingId', (req, res) =>
    unmapRole(deps, req, res),
  );
  return router;
}

async function defineRole(
  deps: AdminDeps,
  req: Request,
  res: Response,
): Promise<void> {
  const tenantId = tenantParam(req);
  const role = parseParam(req, 'role', roleName);
  const { permissions } = parseBody(req, defineRoleBody);
  await requireTenant(deps.store, tenantId);

  const ctx = adminContext(req, deps, tenantId);
  const result = await runRoleCommand(ctx, {
    type: 'DefineRole',
    role,
    permissions,
  });
  await deps.consistency.afterWrite(tenantId, result.position);

  res.status(200).json({ role, permissions: [...new Set(permissions)].sort() });
}

async function removeRole(
  deps: AdminDeps,
  req: Request,
  res: Response,
): Promise<void> {
  const tenantId = tenantParam(req);
  const role = parseParam(req, 'role', roleName);
  await requireTenant(deps.store, tenantId);

  const ctx = adminContext(req, deps, tenantId);
  const result = await runRoleCommand(ctx, { type: 'RemoveRole', role });
  await deps.consistency.afterWrite(tenantId, result.position);

  res.status(204).end();
}

async function mapRole(
  deps: AdminDeps,
  req: Request,
  res: Response,
): Promise<void> {
  const tenantId = tenantParam(req);
  const body = parseBody(req, createMappingBody);
  await requireTenant(deps.store, tenantId);

  const mappingId = deps.newId();
  const ctx = adminContext(req, deps, tenantId);
  const result = await runRoleCommand(ctx, {
    type: 'MapRole',
    mappingId,
    role: body.role,
    source: sourceOf(body),
  });
  await deps.consistency.afterWrite(tenantId, result.position);

  res.status(201).json({ id: mappingId });
}

function sourceOf(body: {
  group?: string | undefined;
  groupDisplayName?: string | undefined;
  scimRole?: string | undefined;
}): MappingSource {
  if (body.group !== undefined) return { kind: 'group', groupId: body.group };
  if (body.groupDisplayName !== undefined) {
    return { kind: 'groupDisplayName', displayName: body.groupDisplayName };
  }
  return { kind: 'scimRole', value: body.scimRole ?? '' };
}

async function unmapRole(
  deps: AdminDeps,
  req: Request,
  res: Response,
): Promise<void> {
  const tenantId = tenantParam(req);
  const mappingId = param(req, 'mappingId');
  await requireTenant(deps.store, tenantId);

  const ctx = adminContext(req, deps, tenantId);
  const result = await runRoleCommand(ctx, { type: 'UnmapRole', mappingId });
  await deps.consistency.afterWrite(tenantId, result.position);

  res.status(204).end();
}
