import type { UserWrite } from '@roster/ledger';
import { coerceBoolean, ScimError } from '@roster/scim';
import { assertIndexableUser } from '../indexed-text';

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
  assertIndexableUser(resource);
  const active = coerceBoolean(resource['active']) ?? currentActive;
  const stored = Object.fromEntries(
    Object.entries(resource).filter(([key]) => !notStored.has(key)),
  );

  return { userName: userNameOf(resource), active, resource: stored };
}

function userNameOf(resource: Record<string, unknown>): string {
  const userName = resource['userName'];
  if (typeof userName !== 'string' || userName.trim() === '') {
    throw ScimError.badRequest(
      'invalidValue',
      'a user needs a non-empty userName',
    );
  }
  return userName;
}
