import { ScimError } from '../errors/scim-error';

/** One problem found in a request body; `path` is the SCIM path. */
export interface ValidationIssue {
  readonly code: 'invalidSyntax' | 'invalidValue';
  readonly path: string;
  readonly message: string;
}

/** Turns issues into the one error the request fails with. */
export function issuesToError(issues: readonly ValidationIssue[]): ScimError {
  const first = issues[0];
  const detail = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
  return ScimError.badRequest(first?.code ?? 'invalidValue', detail);
}
