import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
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
  /** Bound to requestId and traceId; made on first use. */
  readonly log: Logger;
}

const callerIdPattern = /^[A-Za-z0-9._:-]{1,128}$/;
const infoKey = Symbol('roster.requestInfo');
const current = new AsyncLocalStorage<RequestInfo>();

type WithInfo = IncomingMessage & { [infoKey]?: RequestInfo };

/**
 * Gives a request its id, correlation id, trace and (lazily) a child
 * logger, and echoes the ids in the response headers.
 */
export function beginRequest(
  req: IncomingMessage,
  res: ServerResponse,
  log: Logger,
): RequestInfo {
  const requestId = randomUUID();
  const callerId = header(req, 'x-request-id');
  const trace = traceContext(header(req, 'traceparent'));
  let child: Logger | undefined;

  const info: RequestInfo = {
    requestId,
    correlationId:
      callerId && callerIdPattern.test(callerId) ? callerId : requestId,
    userAgent: header(req, 'user-agent')?.slice(0, 256),
    trace,
    // Most requests log nothing: the child is made when a line is written.
    get log() {
      child ??= log.child({ requestId, traceId: trace.traceId });
      return child;
    },
  };
  (req as WithInfo)[infoKey] = info;
  res.setHeader('X-Request-Id', requestId);
  res.setHeader('traceparent', trace.traceparent);
  return info;
}

/** `beginRequest` as middleware; `currentRequest()` works in handlers. */
export function requestContext(log: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    current.run(beginRequest(req, res, log), next);
  };
}

export function requestInfo(req: IncomingMessage): RequestInfo {
  const info = (req as WithInfo)[infoKey];
  if (!info) throw new Error('requestContext middleware is not installed');
  return info;
}

/** The request this code runs for, if any (across awaits). */
export function currentRequest(): RequestInfo | undefined {
  return current.getStore();
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
