import type { TenantDirectoryReader } from './tenant-directory-reader';

export type TokenLookup = Pick<TenantDirectoryReader, 'findToken'>;

type Found = Awaited<ReturnType<TokenLookup['findToken']>>;

const MAX_ENTRIES = 10_000;

interface Entry {
  readonly found: NonNullable<Found>;
  /** Trusted until then: `ttlMs` after the lookup that found it. */
  readonly until: number;
  /** Past this half-way mark a hit also looks the token up again. */
  readonly renewAt: number;
}

/**
 * Remembers found tokens for `ttlMs`, so that a request does not pay a
 * query to learn who sent it. 0 turns the cache off. A token is looked
 * up once at a time however many requests carry it, and a token in use
 * is looked up again past half its time, in the background: under
 * steady traffic no request waits for a lookup, and no expiry sends a
 * burst of them at once.
 */
export function cachedTokenLookup(
  tokens: TokenLookup,
  ttlMs: number,
  clock: () => number = Date.now,
): TokenLookup {
  const entries = new Map<string, Entry>();
  const inFlight = new Map<string, Promise<Found>>();

  const remember = (tokenHash: string, found: Found, at: number): void => {
    // Misses are not kept: a token issued a moment ago must work.
    if (!found) {
      entries.delete(tokenHash);
      return;
    }
    if (entries.size >= MAX_ENTRIES) entries.clear();
    entries.set(tokenHash, {
      found,
      until: at + ttlMs,
      renewAt: at + ttlMs / 2,
    });
  };

  const lookUp = (tokenHash: string): Promise<Found> => {
    const running = inFlight.get(tokenHash);
    if (running) return running;

    const at = clock();
    const lookup = tokens.findToken(tokenHash).finally(() => {
      inFlight.delete(tokenHash);
    });
    inFlight.set(tokenHash, lookup);
    lookup.then(
      (found) => remember(tokenHash, found, at),
      () => undefined,
    );
    return lookup;
  };

  // TODO(limit): a revoked token keeps working for up to ttlMs (1 s by
  // default) in each process that looked it up.
  return {
    findToken: async (tokenHash) => {
      if (ttlMs <= 0) return tokens.findToken(tokenHash);

      const now = clock();
      const entry = entries.get(tokenHash);
      if (!entry || entry.until <= now) return lookUp(tokenHash);

      if (entry.renewAt <= now) lookUp(tokenHash).catch(() => undefined);
      return entry.found;
    },
  };
}
