import { lookupOf } from './check-query';
import type { CheckResult } from './check-result';
import type { ExactAnswers } from './exact-answers';
import type { PermissionCheck } from './effective-permissions-reader';

export type TenantChecks = (
  tenantId: string,
  checks: readonly PermissionCheck[],
) => Promise<CheckResult[]>;

/**
 * `run`, answered from `answers` when every check of a call is there.
 * A call with any miss runs whole, and its answers are kept.
 */
export function cachedChecks(
  run: TenantChecks,
  answers: ExactAnswers<CheckResult>,
): TenantChecks {
  return async (tenantId, checks) => {
    const keys = checks.map((check) => keyOf(tenantId, check));
    const kept = keys.map((key) => answers.get(key));
    if (allKept(kept)) return kept;

    const mark = answers.mark();
    const results = await run(tenantId, checks);
    keys.forEach((key, index) => {
      const result = results[index];
      if (result) answers.keep(mark, key, result);
    });
    return results;
  };
}

function keyOf(tenantId: string, { user, permission }: PermissionCheck) {
  return JSON.stringify([tenantId, ...lookupOf(user), permission]);
}

function allKept(
  kept: readonly (CheckResult | undefined)[],
): kept is CheckResult[] {
  return kept.every((answer) => answer !== undefined);
}
