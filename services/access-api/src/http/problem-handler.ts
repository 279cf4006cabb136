import type { NextFunction, Request, Response } from 'express';
import { DomainError } from '@roster/domain';
import {
  StoreUnavailableError,
  WrongExpectedVersionError,
} from '@roster/event-store';
import { ConsistencyTimeoutError } from '@roster/projection-runtime';
import { HttpProblem, requestInfo } from '@roster/service-kit';

/** Seconds a client should wait before it retries a 503. */
const retryAfterSeconds = '1';

/** Every failure as an RFC 9457 problem body; never a stack trace. */
export function problemHandler() {
  return (
    error: unknown,
    req: Request,
    res: Response,
    next: NextFunction,
  ): void => {
    if (res.headersSent) return next(error);

    const problem = toProblem(error);
    if (problem.status >= 500) {
      requestInfo(req).log.error({ err: error }, 'request failed');
    }
    res
      .status(problem.status)
      .set(problem.headers)
      .type('application/problem+json')
      .send(JSON.stringify(problem.toBody()));
  };
}

export function toProblem(error: unknown): HttpProblem {
  if (error instanceof HttpProblem) return error;
  if (error instanceof DomainError) return fromDomain(error);
  if (error instanceof WrongExpectedVersionError) {
    return new HttpProblem(409, 'Conflict', 'a concurrent write won; retry');
  }
  if (error instanceof ConsistencyTimeoutError) {
    return unavailable('the write is durable but not yet visible; retry');
  }
  if (error instanceof StoreUnavailableError) {
    return unavailable('the store is unavailable; retry later');
  }
  if (error instanceof URIError) {
    const detail = 'the path holds a malformed percent-encoding';
    return new HttpProblem(400, 'Bad request', detail);
  }
  return fromBodyParser(error) ?? new HttpProblem(500, 'Internal error');
}

function fromDomain(error: DomainError): HttpProblem {
  switch (error.code) {
    case 'not-found':
    case 'deleted':
      return new HttpProblem(404, 'Not found', error.message);
    case 'already-exists':
    case 'name-taken':
      return new HttpProblem(409, 'Conflict', error.message);
    case 'invalid':
      return new HttpProblem(400, 'Invalid request', error.message);
  }
}

function unavailable(detail: string): HttpProblem {
  return new HttpProblem(503, 'Service unavailable', detail, {
    'Retry-After': retryAfterSeconds,
  });
}

/** body-parser marks its errors with `type` and `status`. */
function fromBodyParser(error: unknown): HttpProblem | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { type, status } = error as { type?: unknown; status?: unknown };
  if (type === 'entity.too.large') {
    return new HttpProblem(413, 'Payload too large', 'the body is too large');
  }
  if (type === 'entity.parse.failed') {
    return new HttpProblem(400, 'Invalid request', 'the body is not JSON');
  }
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new HttpProblem(status, 'Bad request', 'the body was refused');
  }
  return undefined;
}
