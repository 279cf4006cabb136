import type { Request, RequestHandler, Response } from 'express';
import type { CommandContext } from '@roster/ledger';
import type { ScimDeps } from '../scim-deps';
import { commandContext } from './command-context';
import { scimBaseUrl } from './render-resource';
import { revisionOf, sendScim } from './send-scim';

/** One SCIM operation's inputs, whether from HTTP or from a /Bulk entry. */
export interface ScimCall {
  readonly deps: ScimDeps;
  readonly ctx: CommandContext;
  readonly baseUrl: string;
  /** The revision of If-Match (or a bulk `version`), if given. */
  readonly ifMatch: number | undefined;
  readonly query: Readonly<Record<string, unknown>>;
}

/** What an operation answers, before it becomes an HTTP response. */
export interface Outcome {
  readonly status: number;
  readonly body?: Record<string, unknown>;
  readonly etag?: string;
  readonly location?: string;
}

export function callOf(req: Request, deps: ScimDeps): ScimCall {
  return {
    deps,
    ctx: commandContext(req, deps),
    baseUrl: scimBaseUrl(req),
    ifMatch: revisionOf(req.header('if-match')),
    query: req.query,
  };
}

/** Adapts an operation to an express handler. */
export function handle(
  deps: ScimDeps,
  operation: (call: ScimCall, req: Request) => Promise<Outcome>,
): RequestHandler {
  return async (req: Request, res: Response) => {
    const outcome = await operation(callOf(req, deps), req);
    if (
      outcome.etag &&
      req.method === 'GET' &&
      req.header('if-none-match') === outcome.etag
    ) {
      return sendScim(res, 304);
    }
    if (outcome.etag) res.setHeader('ETag', outcome.etag);
    if (outcome.location) res.setHeader('Location', outcome.location);
    sendScim(res, outcome.status, outcome.body);
  };
}
