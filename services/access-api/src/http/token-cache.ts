import type { TokenLookup } from '../access-deps';

type Found = Awaited<ReturnType<TokenLookup['findToken']>>;

const MAX_ENTRIES = 10_000;

/**
 * Remembers found tokens for `ttlMs`, so a check does
 * not pay a second query. 0 turns the cache off.
 */
export function tokenCache(
  tokens: TokenLookup,
  ttlMs: number,
): (tokenHash: string) => Promise<Found> {
  const entries = new Map<string, { found: Found; until: number }>();

  // TODO(limit): a revoked service token keeps working for up to ttlMs
  // (1 s by default) in each access-api process.
  return async (tokenHash) => {
    const now = Date.now();
    const entry = entries.get(tokenHash);
    if (entry && entry.until > now) return entry.found;

    const found = await tokens.findToken(tokenHash);
    // Misses are not kept: a token issued a moment ago must work.
    if (ttlMs <= 0 || !found) return found;
    if (entries.size >= MAX_ENTRIES) entries.clear();
    entries.set(tokenHash, { found, until: now + ttlMs });
    return found;
  };
}
