import type { NextFunction, Request, Response } from 'express';
import { DomainError } from '@roster/domain';
import { StoreUnavailableError } from '@roster/event-store';
import { PreconditionFailedError } from '@roster/ledger';
import { ScimError } from '@roster/scim';
import { requestInfo } from '@roster/service-kit';
import { errorSummary } from './error-summary';
import { sendScim } from './send-scim';

/** Seconds an IdP should wait before it retries a 503. */
const retryAfterSeconds = '5';

/** Turns every failure into an RFC 7644 error body; never a stack trace. */
export function scimErrorHandler() {
  return (
    error: unknown,
    req: Request,
    res: Response,
    next: NextFunction,
  ): void => {
    if (res.headersSent) return next(error);

    const scimError = toScimError(error);
    if (scimError.status >= 500) {
      requestInfo(req).log.error(
        { error: errorSummary(error) },
        'scim request failed',
      );
    }
    if (scimError.status === 401)
      res.setHeader('WWW-Authenticate', 'Bearer realm="roster"');
    if (scimError.status === 503)
      res.setHeader('Retry-After', retryAfterSeconds);
    sendScim(res, scimError.status, scimError.toBody());
  };
}

export function toScimError(error: unknown): ScimError {
  if (error instanceof ScimError) return error;
  if (error instanceof DomainError) return fromDomain(error);
  if (error instanceof PreconditionFailedError) {
    return new ScimError(
      412,
      undefined,
      'the resource changed since the version in If-Match',
    );
  }
  if (isBodyParserError(error)) return fromBodyParser(error);
  if (error instanceof URIError || statusOf(error) === 400) {
    return ScimError.badRequest(
      'invalidSyntax',
      'the request path is not valid percent-encoding',
    );
  }
  if (error instanceof StoreUnavailableError || isUnavailable(error)) {
    return new ScimError(
      503,
      undefined,
      'the service is unavailable; retry later',
    );
  }
  return new ScimError(500, undefined, 'internal error');
}

function fromDomain(error: DomainError): ScimError {
  switch (error.code) {
    case 'not-found':
    case 'deleted':
      return new ScimError(404, undefined, 'resource not found');
    case 'name-taken':
    case 'already-exists':
      return new ScimError(409, 'uniqueness', error.message);
    case 'invalid':
      return ScimError.badRequest('invalidValue', error.message);
  }
}

interface BodyParserError {
  readonly type: string;
  readonly status: number;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return (
    typeof (error as Partial<BodyParserError> | null)?.type === 'string' &&
    typeof (error as Partial<BodyParserError>).status === 'number'
  );
}

function fromBodyParser(error: BodyParserError): ScimError {
  if (error.type === 'entity.too.large') {
    // RFC 7644 names no scimType for 413 (see its bulk example).
    return new ScimError(
      413,
      undefined,
      'the request body is larger than the limit in /ServiceProviderConfig',
    );
  }
  if (error.type === 'entity.parse.failed') {
    return ScimError.badRequest(
      'invalidSyntax',
      'the request body is not valid JSON',
    );
  }
  return ScimError.badRequest(
    'invalidSyntax',
    `the request body cannot be read (${error.type})`,
  );
}

function statusOf(error: unknown): unknown {
  return (error as { status?: unknown } | null)?.status;
}

/** Errors that mean "not now" rather than "never": a store or wait failed. */
function isUnavailable(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'ConsistencyTimeoutError' || name === 'SqlUnavailableError';
}
