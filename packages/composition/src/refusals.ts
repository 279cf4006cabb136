import type { Request, Response } from 'express';
import { ScimError } from '@roster/scim';
import { HttpProblem } from '@roster/service-kit';

/**
 * Writes a refusal the caller understands: a SCIM error under /scim, an
 * RFC 9457 problem elsewhere. Headers such as Retry-After are set first.
 */
export function refuse(
  req: Request,
  res: Response,
  status: 429 | 503,
  detail: string,
): void {
  if (req.originalUrl.toLowerCase().startsWith('/scim/')) {
    const body = new ScimError(status, undefined, detail).toBody();
    res.status(status).type('application/scim+json').send(JSON.stringify(body));
    return;
  }

  const title = status === 429 ? 'Too many requests' : 'Service unavailable';
  const problem = new HttpProblem(status, title, detail);
  res
    .status(status)
    .type('application/problem+json')
    .send(JSON.stringify(problem.toBody()));
}
