import type { NextFunction, Request, Response } from 'express';
import { HttpProblem } from '@roster/service-kit';
import type { TokenLookup } from '../access-deps';
import { callerIdentity, type Caller } from './caller-identity';
import { unauthorized } from './operator-auth';

export type { Caller } from './caller-identity';

const callerKey = Symbol('roster.accessCaller');
type WithCaller = Request & { [callerKey]?: Caller };

/** Accepts the operator token or a live service token; 401 otherwise. */
export function callerAuth(
  operatorTokenHash: string,
  tokens: TokenLookup,
  cacheMs: number,
) {
  const identify = callerIdentity(operatorTokenHash, tokens, cacheMs);

  return async (
    req: Request,
    _res: Response,
    next: NextFunction,
  ): Promise<void> => {
    const caller = await identify(req.header('authorization'));
    if (!caller) throw unauthorized();

    (req as WithCaller)[callerKey] = caller;
    next();
  };
}

/** 403 unless the caller may read `tenantId`. */
export function requireTenantAccess(req: Request, tenantId: string): void {
  const caller = (req as WithCaller)[callerKey];
  if (!caller) throw new Error('callerAuth middleware is not installed');
  requireTenantOf(caller, tenantId);
}

/** 403 unless `caller` may read `tenantId`. */
export function requireTenantOf(caller: Caller, tenantId: string): void {
  if (caller.kind === 'service' && caller.tenantId !== tenantId) {
    throw new HttpProblem(
      403,
      'Forbidden',
      'this token belongs to another tenant',
    );
  }
}
