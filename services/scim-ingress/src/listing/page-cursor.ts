import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ScimError } from '@roster/scim';

/** Where the next page of a cursor-paged list starts (RFC 9865). */
export interface CursorState {
  readonly offset: number;
  /** Fingerprint of filter and sort: a cursor is only good for its query. */
  readonly query: string;
  /** Seconds since the epoch when the cursor was issued. */
  readonly issuedAt: number;
}

const cursorSchema = z.object({
  o: z.number().int().min(0),
  q: z.string().length(16),
  t: z.number().int().positive(),
});

export function queryFingerprint(parts: readonly unknown[]): string {
  return createHash('sha256')
    .update(JSON.stringify(parts))
    .digest('hex')
    .slice(0, 16);
}

export function encodeCursor(state: CursorState): string {
  const payload = { o: state.offset, q: state.query, t: state.issuedAt };
  return Buffer.from(JSON.stringify(payload)).toString('base64url');
}

/**
 * Reads a cursor that this server issued for the same query. The empty
 * cursor starts at the beginning. Throws invalidCursor or expiredCursor.
 */
export function decodeCursor(
  cursor: string,
  query: string,
  ttlSeconds: number,
  nowSeconds: number,
): number {
  if (cursor === '') return 0;

  const state = readCursor(cursor);
  if (!state || state.q !== query) {
    throw ScimError.badRequest(
      'invalidCursor',
      'the cursor is not valid for this query',
    );
  }
  if (nowSeconds - state.t > ttlSeconds) {
    throw ScimError.badRequest(
      'expiredCursor',
      'the cursor has expired; start again',
    );
  }
  return state.o;
}

function readCursor(cursor: string) {
  try {
    const json: unknown = JSON.parse(
      Buffer.from(cursor, 'base64url').toString('utf8'),
    );
    const parsed = cursorSchema.safeParse(json);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
