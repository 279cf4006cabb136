import type { PermissionSource } from './effective-permissions-tables';

/** Why a check did not allow. */
export type DenyReason =
  'unknown-user' | 'user-inactive' | 'user-deleted' | 'not-granted';

/** The answer to "may this user do this?"; only `allowed: true` allows. */
export type CheckResult =
  | {
      readonly allowed: true;
      readonly userId: string;
      readonly sources: readonly PermissionSource[];
    }
  | {
      readonly allowed: false;
      readonly userId: string | null;
      readonly sources: readonly [];
      readonly reason: DenyReason;
    };

/** Who a check is about: the Roster user id, or the userName (any case). */
export type UserRef =
  { readonly userId: string } | { readonly userName: string };

export interface CheckRow {
  readonly user_id: string | null;
  readonly active: boolean | null;
  readonly deleted: boolean | null;
  readonly sources: PermissionSource[] | null;
}

/** A joined users / effective_permissions row as a check answer. */
export function toCheckResult(row: CheckRow | undefined): CheckResult {
  if (!row?.user_id) {
    return {
      allowed: false,
      userId: null,
      sources: [],
      reason: 'unknown-user',
    };
  }

  const userId = row.user_id;
  if (row.deleted) return denied(userId, 'user-deleted');
  if (!row.active) return denied(userId, 'user-inactive');
  if (!row.sources || row.sources.length === 0) {
    return denied(userId, 'not-granted');
  }
  return { allowed: true, userId, sources: row.sources };
}

function denied(userId: string, reason: DenyReason): CheckResult {
  return { allowed: false, userId, sources: [], reason };
}
