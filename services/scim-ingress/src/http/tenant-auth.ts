import type { NextFunction, Request, Response } from 'express';
import { ScimError } from '@roster/scim';
import { bearerToken, hashToken, tokenMatchesHash } from '@roster/service-kit';
import type { TokenLookup } from '../ports';

/** The tenant a SCIM token selected, and which of its tokens it was. */
export interface ScimCaller {
  readonly tenantId: string;
  readonly tokenId: string;
}

const callerKey = Symbol('roster.scimCaller');
type WithCaller = Request & { [callerKey]?: ScimCaller };

/** Accepts only a live SCIM token of some tenant; 401 otherwise. */
export function tenantAuth(tokens: TokenLookup) {
  return async (
    req: Request,
    _res: Response,
    next: NextFunction,
  ): Promise<void> => {
    const token = bearerToken(req.header('authorization'));
    const found = token ? await tokens.findToken(hashToken(token)) : null;

    if (
      !token ||
      !found ||
      found.kind !== 'scim' ||
      !tokenMatchesHash(token, found.tokenHash)
    ) {
      throw new ScimError(
        401,
        undefined,
        'a valid SCIM bearer token is required',
      );
    }
    (req as WithCaller)[callerKey] = {
      tenantId: found.tenantId,
      tokenId: found.tokenId,
    };
    next();
  };
}

export function scimCaller(req: Request): ScimCaller {
  const caller = (req as WithCaller)[callerKey];
  if (!caller) throw new Error('tenantAuth middleware is not installed');
  return caller;
}
