import { bearerToken, hashesMatch, hashToken } from '@roster/service-kit';
import type { TokenLookup } from '../access-deps';
import { cachedTokenLookup } from '@roster/projection-tenant-directory';

/** Who calls /v1: the operator (every tenant) or one tenant's service. */
export type Caller =
  | { readonly kind: 'operator' }
  | { readonly kind: 'service'; readonly tenantId: string };

/**
 * The caller of an `Authorization` header, or null: the operator token,
 * or a live service token (found by its hash, kept for `cacheMs`), each
 * compared in constant time. The token is hashed once per request.
 */
export function callerIdentity(
  operatorTokenHash: string,
  tokens: TokenLookup,
  cacheMs: number,
): (authorization: string | undefined) => Promise<Caller | null> {
  const cached = cachedTokenLookup(tokens, cacheMs);
  const operator: Caller = { kind: 'operator' };

  return async (authorization) => {
    const token = bearerToken(authorization);
    if (!token) return null;

    const presented = hashToken(token);
    if (hashesMatch(presented, operatorTokenHash)) return operator;

    const found = await cached.findToken(presented);
    if (found?.kind !== 'service' || !hashesMatch(presented, found.tokenHash)) {
      return null;
    }
    return { kind: 'service', tenantId: found.tenantId };
  };
}
