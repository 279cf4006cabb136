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
    const issues = error.issues.map((issue) => ({
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
