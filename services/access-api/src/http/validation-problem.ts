import { HttpProblem } from '@roster/service-kit';
import type { z } from 'zod';

/** One reason a request was refused: where, and what is wrong there. */
export interface Issue {
  readonly path: string;
  readonly code: string;
  readonly message: string;
}

/** A 400 whose body lists the issues. */
export class ValidationProblem extends HttpProblem {
  constructor(
    detail: string,
    readonly issues: readonly Issue[],
  ) {
    super(400, 'Invalid request', detail);
  }

  static fromZod(where: string, error: z.ZodError): ValidationProblem {
    const issues = error.issues.map(closestBranch).map((issue) => ({
      path: issue.path.map(String).join('.'),
      code: issue.code,
      message: issue.message,
    }));
    const first = issues[0];
    const detail = first
      ? `${where}: ${first.path || '(root)'}: ${first.message}`
      : `${where} is invalid`;
    return new ValidationProblem(detail, issues);
  }

  override toBody(): Record<string, unknown> {
    return { ...super.toBody(), issues: this.issues };
  }
}

/**
 * For a value that matched no member of a union, the first issue of the
 * member it came closest to (fewest issues), so that the detail names a
 * field rather than "Invalid input".
 */
function closestBranch(issue: z.core.$ZodIssue): z.core.$ZodIssue {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) {
    return issue;
  }
  const branch = issue.errors.reduce((best, next) =>
    next.length < best.length ? next : best,
  );
  const inner = branch[0];
  if (!inner) return issue;
  return closestBranch({ ...inner, path: [...issue.path, ...inner.path] });
}
