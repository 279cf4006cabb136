import type { IncomingMessage, ServerResponse } from 'node:http';
import { TENANT_ID_PATTERN } from '@roster/event-store';
import type {
  EffectivePermissionsReader,
  PermissionCheck,
} from '@roster/projection-effective-permissions';
import {
  HttpProblem,
  requestInfo,
  sendJson,
  sendProblem,
  type FastRoute,
  type Metrics,
} from '@roster/service-kit';
import { requireTenantOf, type Caller } from '../http/caller-auth';
import { unauthorized } from '../http/operator-auth';
import { toProblem } from '../http/problem-handler';
import { readJsonBody } from '../http/read-json-body';
import { ValidationProblem } from '../http/validation-problem';
import { parseCheckBody, type OneCheck } from './check-bodies';
import { toAnswer } from './check-answer';

/**
 * Every route's limit: 1,000 checks of the longest fields fit in it even
 * with every character escaped.
 */
const bodyLimit = 4 * 1024 * 1024;

/** `POST /v1/tenants/<plain tenant id>/check`, optionally with a query. */
const checkPath = /^\/v1\/tenants\/([A-Za-z0-9_-]+)\/check\/?(?:\?|$)/;

export interface CheckRouteDeps {
  readonly reader: EffectivePermissionsReader;
  readonly identify: (
    authorization: string | undefined,
  ) => Promise<Caller | null>;
  /** Throws a 404 problem for a tenant that does not exist. */
  readonly requireTenant: (tenantId: string) => Promise<void>;
  readonly metrics: Metrics;
}

/**
 * Permission checks over plain node:http: the hot path, served ahead of
 * express in production and mounted in the express router as well, so
 * both answer alike. Every outcome is answered here; errors are
 * problems, never an answer that could read as allowed.
 */
export function createCheckRoute(deps: CheckRouteDeps): FastRoute {
  return {
    route: '/v1/tenants/:tenantId/check',
    match: (method, url) =>
      method === 'POST' ? checkPath.exec(url ?? '')?.[1] : undefined,
    serve: (req, res, tenantId) =>
      answer(deps, req, res, tenantId).catch((error: unknown) =>
        fail(req, res, error),
      ),
  };
}

async function answer(
  deps: CheckRouteDeps,
  req: IncomingMessage,
  res: ServerResponse,
  tenantId: string,
): Promise<void> {
  const stop = deps.metrics.checkDuration.startTimer();
  const caller = await deps.identify(req.headers.authorization);
  if (!caller) throw unauthorized();
  if (!TENANT_ID_PATTERN.test(tenantId)) {
    throw new HttpProblem(404, 'Not found', 'tenant not found');
  }
  requireTenantOf(caller, tenantId);
  await deps.requireTenant(tenantId);

  const parsed = parseCheckBody(await readJsonBody(req, bodyLimit));
  if (!parsed.success) throw ValidationProblem.fromZod('body', parsed.error);

  const body = parsed.data;
  if ('checks' in body) {
    const results = await deps.reader.checkMany(
      tenantId,
      body.checks.map(toCheck),
    );
    sendJson(res, 200, { results: results.map(toAnswer) });
  } else {
    sendJson(
      res,
      200,
      toAnswer(await deps.reader.check(tenantId, toCheck(body))),
    );
  }
  stop();
}

function fail(req: IncomingMessage, res: ServerResponse, error: unknown): void {
  if (res.headersSent || clientLeft(req)) {
    res.destroy();
    return;
  }
  const problem = toProblem(error);
  if (problem.status >= 500) {
    requestInfo(req).log.error({ err: error }, 'request failed');
  }
  sendProblem(res, problem);
}

/** The client closed its connection before it sent the whole body. */
function clientLeft(req: IncomingMessage): boolean {
  return req.destroyed && !req.complete;
}

function toCheck(body: OneCheck): PermissionCheck {
  const user =
    'userId' in body ? { userId: body.userId } : { userName: body.userName };
  return { user, permission: body.permission };
}
