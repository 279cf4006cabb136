import { performance } from 'node:perf_hooks';
import type { TenantDirectoryReader } from './tenant-directory-reader';

export type TokenLookup = Pick<TenantDirectoryReader, 'findToken'>;

type Found = Awaited<ReturnType<TokenLookup['findToken']>>;

const MAX_ENTRIES = 10_000;

interface Entry {
  readonly found: NonNullable<Found>;
  /** Trusted until then: `ttlMs` after the lookup that found it started. */
  readonly until: number;
  /** Past this half-way mark a hit also looks the token up again. */
  readonly renewAt: number;
}

/** A lookup under way, and when it started. */
interface Lookup {
  readonly at: number;
  readonly found: Promise<Found>;
}

/**
 * Remembers found tokens for `ttlMs`, so that a request does not pay a
 * query to learn who sent it. 0 turns the cache off. Requests for one
 * token share a lookup that started less than `ttlMs` before they came,
 * and a token in use is looked up again past half its time, in the
 * background: under steady traffic no request waits for a lookup, and
 * no expiry sends a burst of them at once.
 */
export function cachedTokenLookup(
  tokens: TokenLookup,
  ttlMs: number,
  clock: () => number = () => performance.now(),
): TokenLookup {
  const entries = new Map<string, Entry>();
  const latest = new Map<string, Lookup>();

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

  const start = (tokenHash: string): Lookup => {
    const lookup = { at: clock(), found: tokens.findToken(tokenHash) };
    latest.set(tokenHash, lookup);
    // Only the newest lookup of a token updates what is kept of it.
    const isLatest = () => latest.get(tokenHash) === lookup;
    lookup.found
      .then(
        (found) => {
          if (isLatest()) remember(tokenHash, found, lookup.at);
        },
        () => undefined,
      )
      .finally(() => {
        if (isLatest()) latest.delete(tokenHash);
      });
    return lookup;
  };

  // A lookup older than ttlMs may not have seen a revocation that is.
  const shared = (tokenHash: string, now: number): Lookup => {
    const running = latest.get(tokenHash);
    return running && now - running.at < ttlMs ? running : start(tokenHash);
  };

  // TODO(limit): a revoked token keeps working for up to ttlMs (1 s by
  // default) in each process that looked it up.
  return {
    findToken: async (tokenHash) => {
      if (ttlMs <= 0) return tokens.findToken(tokenHash);

      const now = clock();
      const entry = entries.get(tokenHash);
      if (entry && now < entry.until) {
        if (entry.renewAt <= now) {
          shared(tokenHash, now).found.catch(() => undefined);
        }
        return entry.found;
      }

      const lookup = shared(tokenHash, now);
      const found = await lookup.found;
      // A miss of a lookup begun before this request may predate the token.
      if (found || lookup.at >= now) return found;
      return start(tokenHash).found;
    },
  };
}
