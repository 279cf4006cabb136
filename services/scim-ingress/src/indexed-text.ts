import { ScimError } from '@roster/scim';

/**
 * The most UTF-8 bytes of a value that the read models index (userName,
 * externalId, displayName, emails). PostgreSQL refuses an index entry over
 * about 2,700 bytes, and such a value would stop the projection for every
 * tenant; this leaves room for the tenant id and for lower-casing, which
 * can lengthen a text.
 */
export const maxIndexedBytes = 1024;

/** @throws ScimError invalidValue when `value` is a text over the limit */
export function assertIndexable(attribute: string, value: unknown): void {
  if (typeof value !== 'string') return;
  if (Buffer.byteLength(value, 'utf8') <= maxIndexedBytes) return;

  throw ScimError.badRequest(
    'invalidValue',
    `${attribute} is longer than ${maxIndexedBytes} bytes of UTF-8`,
  );
}

/** Checks every indexed attribute of a user resource. */
export function assertIndexableUser(resource: Record<string, unknown>): void {
  for (const attribute of ['userName', 'externalId', 'displayName']) {
    assertIndexable(attribute, resource[attribute]);
  }

  const emails = resource['emails'];
  if (!Array.isArray(emails)) return;
  for (const email of emails) {
    if (email !== null && typeof email === 'object') {
      assertIndexable('emails.value', (email as { value?: unknown }).value);
    }
  }
}
