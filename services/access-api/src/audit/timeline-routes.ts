import { Router, type Request, type Response } from 'express';
import { groupTimeline, userTimeline } from '@roster/audit';
import { codecOf, streams } from '@roster/ledger';
import { HttpProblem } from '@roster/service-kit';
import { requireTenantAccess } from '../http/caller-auth';
import { param, tenantParam } from '../http/parse-input';
import type { AuditDeps } from './audit-deps';

/** The timelines of a user and of a group: every event of their stream. */
export function timelineRoutes(deps: AuditDeps): Router {
  const router = Router();

  router.get('/tenants/:tenantId/audit/users/:userId/events', (req, res) =>
    timeline(deps, 'user', req, res),
  );
  router.get('/tenants/:tenantId/audit/groups/:groupId/events', (req, res) =>
    timeline(deps, 'group', req, res),
  );
  return router;
}

async function timeline(
  deps: AuditDeps,
  kind: 'user' | 'group',
  req: Request,
  res: Response,
): Promise<void> {
  const tenantId = tenantParam(req);
  requireTenantAccess(req, tenantId);
  const id = param(req, kind === 'user' ? 'userId' : 'groupId');

  const stream = streams[kind](tenantId, id);
  const stored = await deps.store.readStream(stream);
  if (stored.length === 0) {
    throw new HttpProblem(404, 'Not found', `${kind} not found`);
  }

  const events = await codecOf(deps.store).decode(stored);
  const entries =
    kind === 'user' ? userTimeline(events) : groupTimeline(events);
  res.json({ [`${kind}Id`]: id, stream, events: entries });
}
