import { hash, randomBytes, timingSafeEqual } from 'node:crypto';

export type TokenPrefix = 'rst_scim' | 'rst_svc' | 'rst_op';

/** A new bearer token: a prefix that says what it is and 256 random bits. */
export function generateToken(prefix: TokenPrefix): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

/** SHA-256 of a token, hex: what Roster stores instead of the token. */
export function hashToken(token: string): string {
  return hash('sha256', token, 'hex');
}

/** Compares a presented token with a stored hash in constant time. */
export function tokenMatchesHash(token: string, storedHash: string): boolean {
  return hashesMatch(hashToken(token), storedHash);
}

/** Compares two hex SHA-256 hashes in constant time. */
export function hashesMatch(
  presentedHash: string,
  storedHash: string,
): boolean {
  const presented = Buffer.from(presentedHash, 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return (
    stored.length === presented.length && timingSafeEqual(presented, stored)
  );
}

/** The token of an `Authorization: Bearer <token>` header, if it has one. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer[ \t]+([\x21-\x7e]+)[ \t]*$/i.exec(header ?? '');
  return match?.[1] ?? null;
}
