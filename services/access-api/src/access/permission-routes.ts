import { Router, type Request, type Response } from 'express';
import {
  createEffectivePermissionsReader,
  type CheckResult,
  type EffectivePermissionsReader,
  type PermissionCheck,
} from '@roster/projection-effective-permissions';
import { HttpProblem } from '@roster/service-kit';
import type { AccessDeps } from '../access-deps';
import { requireTenantAccess } from '../http/caller-auth';
import { param, parseBody, tenantParam } from '../http/parse-input';
import { checkBody, type OneCheck } from './check-bodies';

/** Effective permissions of a user, and checks. */
export function permissionRoutes(deps: AccessDeps): Router {
  const router = Router();
  const reader = createEffectivePermissionsReader(deps.readClient);

  router.get('/tenants/:tenantId/users/:userId/permissions', (req, res) =>
    userPermissions(reader, req, res),
  );
  router.post('/tenants/:tenantId/check', (req, res) =>
    check(deps, reader, req, res),
  );
  return router;
}

async function userPermissions(
  reader: EffectivePermissionsReader,
  req: Request,
  res: Response,
): Promise<void> {
  const tenantId = tenantParam(req);
  requireTenantAccess(req, tenantId);

  const found = await reader.userPermissions(tenantId, param(req, 'userId'));
  if (!found) throw new HttpProblem(404, 'Not found', 'user not found');
  res.json(found);
}

async function check(
  deps: AccessDeps,
  reader: EffectivePermissionsReader,
  req: Request,
  res: Response,
): Promise<void> {
  const stop = deps.metrics.checkDuration.startTimer();
  const tenantId = tenantParam(req);
  requireTenantAccess(req, tenantId);
  const body = parseBody(req, checkBody);

  if ('checks' in body) {
    const results = await reader.checkMany(tenantId, body.checks.map(toCheck));
    res.json({ results: results.map(toAnswer) });
  } else {
    res.json(toAnswer(await reader.check(tenantId, toCheck(body))));
  }
  stop();
}

function toCheck(body: OneCheck): PermissionCheck {
  const user =
    'userId' in body ? { userId: body.userId } : { userName: body.userName };
  return { user, permission: body.permission };
}

/** The wire form: `reason` only on a denial, `userId` once known. */
function toAnswer(result: CheckResult): Record<string, unknown> {
  const answer: Record<string, unknown> = {
    allowed: result.allowed,
    sources: result.sources,
  };
  if (result.userId !== null) answer['userId'] = result.userId;
  if (!result.allowed) answer['reason'] = result.reason;
  return answer;
}
