import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { traceContext, type TraceContext } from './trace-context';

/** What every handler knows about the request it serves. */
export interface RequestInfo {
  /** Roster's own id for this request; also sent as `X-Request-Id`. */
  readonly requestId: string;
  /** The caller's `X-Request-Id` when it sent a sane one, else ours. */
  readonly correlationId: string;
  readonly userAgent: string | undefined;
  /** W3C trace of this request; its `traceparent` is echoed back. */
  readonly trace: TraceContext;
  /** Bound to requestId and traceId. */
  readonly log: Logger;
}

const callerIdPattern = /^[A-Za-z0-9._:-]{1,128}$/;
const infoKey = Symbol('roster.requestInfo');
const current = new AsyncLocalStorage<RequestInfo>();

type WithInfo = Request & { [infoKey]?: RequestInfo };

/** Gives each request an id, a correlation id and a child logger. */
export function requestContext(log: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const requestId = randomUUID();
    const callerId = req.header('x-request-id');
    const correlationId =
      callerId && callerIdPattern.test(callerId) ? callerId : requestId;
    const userAgent = req.header('user-agent')?.slice(0, 256);
    const trace = traceContext(req.header('traceparent'));

    const info: RequestInfo = {
      requestId,
      correlationId,
      userAgent,
      trace,
      log: log.child({ requestId, traceId: trace.traceId }),
    };
    (req as WithInfo)[infoKey] = info;
    res.setHeader('X-Request-Id', requestId);
    res.setHeader('traceparent', trace.traceparent);
    current.run(info, next);
  };
}

export function requestInfo(req: Request): RequestInfo {
  const info = (req as WithInfo)[infoKey];
  if (!info) throw new Error('requestContext middleware is not installed');
  return info;
}

/** The request this code runs for, if any (across awaits). */
export function currentRequest(): RequestInfo | undefined {
  return current.getStore();
}
