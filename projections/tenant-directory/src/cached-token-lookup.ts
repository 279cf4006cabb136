import type { TenantDirectoryReader } from './tenant-directory-reader';

export type TokenLookup = Pick<TenantDirectoryReader, 'findToken'>;

const MAX_ENTRIES = 10_000;

/**
 * Remembers found tokens for `ttlMs`, so that a request does not pay a
 * query to learn who sent it. 0 turns the cache off.
 */
export function cachedTokenLookup(
  tokens: TokenLookup,
  ttlMs: number,
): TokenLookup {
  type Found = Awaited<ReturnType<TokenLookup['findToken']>>;
  const entries = new Map<string, { found: Found; until: number }>();

  // TODO(limit): a revoked token keeps working for up to ttlMs (1 s by
  // default) in each process that looked it up.
  return {
    findToken: async (tokenHash) => {
      const now = Date.now();
      const entry = entries.get(tokenHash);
      if (entry && entry.until > now) return entry.found;

      const found = await tokens.findToken(tokenHash);
      // Misses are not kept: a token issued a moment ago must work.
      if (ttlMs <= 0 || !found) return found;
      if (entries.size >= MAX_ENTRIES) entries.clear();
      entries.set(tokenHash, { found, until: now + ttlMs });
      return found;
    },
  };
}
