import { ScimError } from '../errors/scim-error';

/** One problem found in a request body; `path` is the SCIM path. */
export interface ValidationIssue {
  readonly code: 'invalidSyntax' | 'invalidValue';
  readonly path: string;
  readonly message: string;
}

/** Issues named in an error's detail; the rest are counted. */
const MAX_NAMED = 20;

/** Turns issues into the one error the request fails with. */
export function issuesToError(issues: readonly ValidationIssue[]): ScimError {
  const first = issues[0];
  const named = issues.slice(0, MAX_NAMED).map(describe);
  const more = issues.length - named.length;
  const detail = named.join('; ') + (more > 0 ? `; and ${more} more` : '');
  return ScimError.badRequest(first?.code ?? 'invalidValue', detail);
}

function describe(issue: ValidationIssue): string {
  return issue.path ? `${issue.path}: ${issue.message}` : issue.message;
}
