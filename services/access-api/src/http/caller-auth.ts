import type { NextFunction, Request, Response } from 'express';
import {
  bearerToken,
  hashToken,
  HttpProblem,
  tokenMatchesHash,
} from '@roster/service-kit';
import type { TokenLookup } from '../access-deps';
import { isOperator, unauthorized } from './operator-auth';
import { tokenCache } from './token-cache';

/** Who calls /v1: the operator (every tenant) or one tenant's service. */
export type Caller =
  | { readonly kind: 'operator' }
  | { readonly kind: 'service'; readonly tenantId: string };

const callerKey = Symbol('roster.accessCaller');
type WithCaller = Request & { [callerKey]?: Caller };

/** Accepts the operator token or a live service token; 401 otherwise. */
export function callerAuth(
  operatorTokenHash: string,
  tokens: TokenLookup,
  cacheMs: number,
) {
  const cached = tokenCache(tokens, cacheMs);

  return async (
    req: Request,
    _res: Response,
    next: NextFunction,
  ): Promise<void> => {
    if (isOperator(req, operatorTokenHash)) {
      (req as WithCaller)[callerKey] = { kind: 'operator' };
      return next();
    }

    const token = bearerToken(req.header('authorization'));
    const found = token ? await cached(hashToken(token)) : null;
    if (
      !token ||
      found?.kind !== 'service' ||
      !tokenMatchesHash(token, found.tokenHash)
    ) {
      throw unauthorized();
    }
    (req as WithCaller)[callerKey] = {
      kind: 'service',
      tenantId: found.tenantId,
    };
    next();
  };
}

/** 403 unless the caller may read `tenantId`. */
export function requireTenantAccess(req: Request, tenantId: string): void {
  const caller = (req as WithCaller)[callerKey];
  if (!caller) throw new Error('callerAuth middleware is not installed');

  if (caller.kind === 'service' && caller.tenantId !== tenantId) {
    throw new HttpProblem(
      403,
      'Forbidden',
      'this token belongs to another tenant',
    );
  }
}
