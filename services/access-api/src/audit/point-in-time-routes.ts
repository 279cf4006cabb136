import { Router, type Request, type Response } from 'express';
import { permissionsAt, sourceKey, type PermissionSource } from '@roster/audit';
import { createAccessIntervalsReader } from '@roster/projection-access-intervals';
import { requireTenant } from '../admin/require-tenant';
import { requireTenantAccess } from '../http/caller-auth';
import { param, tenantParam } from '../http/parse-input';
import type { AuditDeps } from './audit-deps';
import { atQuery, parseQuery } from './audit-query';

/** Access at a past instant: a user's (replayed), a permission's holders. */
export function pointInTimeRoutes(deps: AuditDeps): Router {
  const router = Router();
  const intervals = createAccessIntervalsReader(deps.readDb);

  router.get('/tenants/:tenantId/audit/users/:userId/permissions', (req, res) =>
    userAt(deps, req, res),
  );
  router.get(
    '/tenants/:tenantId/audit/permissions/:permission/holders',
    async (req, res) => {
      const tenantId = tenantParam(req);
      requireTenantAccess(req, tenantId);
      const { at } = parseQuery(req, atQuery);
      const permission = param(req, 'permission');
      await requireTenant(deps.store, tenantId);

      const held = await intervals.holdersAt(tenantId, permission, at);
      res.json({ permission, at: at.toISOString(), holders: holdersOf(held) });
    },
  );
  return router;
}

async function userAt(
  deps: AuditDeps,
  req: Request,
  res: Response,
): Promise<void> {
  const tenantId = tenantParam(req);
  requireTenantAccess(req, tenantId);
  const { at } = parseQuery(req, atQuery);
  await requireTenant(deps.store, tenantId);

  const found = await permissionsAt(
    deps.store,
    tenantId,
    param(req, 'userId'),
    at,
  );
  const { events: _replayed, ...answer } = found;
  res.json(answer);
}

interface Holder {
  readonly userId: string;
  readonly sources: PermissionSource[];
}

/** One entry per user, sources in key order (the intervals are by user). */
function holdersOf(
  held: readonly { userId: string; source: unknown }[],
): Holder[] {
  const byUser = new Map<string, PermissionSource[]>();
  for (const interval of held) {
    const sources = byUser.get(interval.userId) ?? [];
    byUser.set(interval.userId, [
      ...sources,
      interval.source as PermissionSource,
    ]);
  }

  return [...byUser].map(([userId, sources]) => ({
    userId,
    sources: sources.sort((a, b) => compare(sourceKey(a), sourceKey(b))),
  }));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
