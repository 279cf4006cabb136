import type { UserWrite } from '@roster/ledger';
import { coerceBoolean } from '@roster/scim';

/** Attributes the ledger keeps elsewhere, or never keeps. */
const notStored = new Set(['id', 'meta', 'active', 'password', 'groups']);

/**
 * A validated whole resource (POST, PUT, or after PATCH) as the ledger's
 * user write. An absent `active` keeps `currentActive`.
 */
export function toUserWrite(
  resource: Record<string, unknown>,
  currentActive: boolean,
): UserWrite {
  const active = coerceBoolean(resource['active']) ?? currentActive;
  const stored = Object.fromEntries(
    Object.entries(resource).filter(([key]) => !notStored.has(key)),
  );

  return { userName: String(resource['userName']), active, resource: stored };
}
