import type { Request } from 'express';
import type { TokenLookup } from '@roster/scim-ingress';
import { bearerToken, hashToken } from '@roster/service-kit';

interface Cached {
  readonly key: string;
  readonly until: number;
}

const maxCached = 10_000;

/**
 * The rate-limit key of a SCIM request: its tenant, found by the token's
 * hash (cached briefly); callers without a live token share one key per
 * address.
 */
export function tenantKeyOf(tokens: TokenLookup, cacheMs = 1000) {
  const cache = new Map<string, Cached>();

  return async (req: Request): Promise<string> => {
    const anonymous = `anonymous:${req.socket.remoteAddress ?? ''}`;
    const token = bearerToken(req.header('authorization'));
    if (!token) return anonymous;

    const hash = hashToken(token);
    const now = Date.now();
    const hit = cache.get(hash);
    if (hit && hit.until > now) return hit.key;

    const found = await tokens.findToken(hash).catch(() => null);
    const key = found ? `tenant:${found.tenantId}` : anonymous;
    if (cache.size >= maxCached) cache.clear();
    cache.set(hash, { key, until: now + cacheMs });
    return key;
  };
}
