import { Router, type Request, type Response } from 'express';
import type { TokenKind } from '@roster/domain';
import { runTenantCommand } from '@roster/ledger';
import { generateToken, hashToken } from '@roster/service-kit';
import type { AdminDeps } from '../access-deps';
import { adminContext } from '../http/admin-context';
import { param, parseBody, tenantParam } from '../http/parse-input';
import { createTenantBody, issueTokenBody } from './admin-bodies';

/** Tenants and their SCIM and service tokens. */
export function tenantRoutes(deps: AdminDeps): Router {
  const router = Router();

  router.post('/tenants', (req, res) => createTenant(deps, req, res));
  for (const [path, kind] of tokenPaths) {
    router.post(`/tenants/:tenantId/${path}`, (req, res) =>
      issueToken(deps, kind, req, res),
    );
    router.delete(`/tenants/:tenantId/${path}/:tokenId`, (req, res) =>
      revokeToken(deps, kind, req, res),
    );
  }
  return router;
}

const tokenPaths: readonly [string, TokenKind][] = [
  ['scim-tokens', 'scim'],
  ['service-tokens', 'service'],
];

async function createTenant(
  deps: AdminDeps,
  req: Request,
  res: Response,
): Promise<void> {
  const body = parseBody(req, createTenantBody);
  const tenantId = body.id ?? deps.newId();

  const ctx = adminContext(req, deps, tenantId);
  const result = await runTenantCommand(ctx, {
    type: 'CreateTenant',
    tenantId,
    name: body.name,
  });
  await deps.consistency.afterWrite(tenantId, result.position);

  res.status(201).json({ id: tenantId, name: body.name });
}

async function issueToken(
  deps: AdminDeps,
  kind: TokenKind,
  req: Request,
  res: Response,
): Promise<void> {
  const tenantId = tenantParam(req);
  const { label } = parseBody(req, issueTokenBody);
  const token = generateToken(kind === 'scim' ? 'rst_scim' : 'rst_svc');
  const tokenId = deps.newId();

  const result = await runTenantCommand(adminContext(req, deps, tenantId), {
    type: 'IssueToken',
    kind,
    tokenId,
    tokenHash: hashToken(token),
    ...(label === undefined ? {} : { label }),
  });
  await deps.consistency.afterWrite(tenantId, result.position);

  res.status(201).set('Cache-Control', 'no-store').json({ id: tokenId, token });
}

async function revokeToken(
  deps: AdminDeps,
  kind: TokenKind,
  req: Request,
  res: Response,
): Promise<void> {
  const tenantId = tenantParam(req);
  const tokenId = param(req, 'tokenId');

  const result = await runTenantCommand(adminContext(req, deps, tenantId), {
    type: 'RevokeToken',
    kind,
    tokenId,
  });
  await deps.consistency.afterWrite(tenantId, result.position);

  res.status(204).end();
}
