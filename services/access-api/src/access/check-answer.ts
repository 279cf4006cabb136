import type { CheckResult } from '@roster/projection-effective-permissions';

/** The wire form: `reason` only on a denial, `userId` once known. */
export function toAnswer(result: CheckResult): Record<string, unknown> {
  const answer: Record<string, unknown> = {
    allowed: result.allowed,
    sources: result.sources,
  };
  if (result.userId !== null) answer['userId'] = result.userId;
  if (!result.allowed) answer['reason'] = result.reason;
  return answer;
}
