import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { context } from '@opentelemetry/api';
import type { Context, Span } from '@opentelemetry/api';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { endRequestSpan, startRequestSpan } from './tracing/request-span';
import { traceContextOf, type TraceContext } from './tracing/trace-context';

/** What every handler knows about the request it serves. */
export interface RequestInfo {
  /** Roster's own id for this request; also sent as `X-Request-Id`. */
  readonly requestId: string;
  /** The caller's `X-Request-Id` when it sent a sane one, else ours. */
  readonly correlationId: string;
  readonly userAgent: string | undefined;
  /** W3C trace of this request's span; its `traceparent` is echoed back. */
  readonly trace: TraceContext;
  /** The OpenTelemetry context holding the span: run handlers in it. */
  readonly context: Context;
  /** Bound to requestId and traceId; made on first use. */
  readonly log: Logger;
}

export interface BeginOptions {
  /** False for health probes and scrapes: ids but no span. Default true. */
  readonly traced?: boolean;
  /** The route pattern, when known before routing (fast routes). */
  readonly route?: string;
}

const callerIdPattern = /^[A-Za-z0-9._:-]{1,128}$/;
const infoKey = Symbol('roster.requestInfo');

type WithInfo = IncomingMessage & { [infoKey]?: RequestInfo };

/**
 * Gives a request its id, correlation id, server span (continuing the
 * caller's `traceparent`, ended when the response closes) and (lazily) a
 * child logger, and echoes the ids in the response headers.
 */
export function beginRequest(
  req: IncomingMessage,
  res: ServerResponse,
  log: Logger,
  options: BeginOptions = {},
): RequestInfo {
  const { info, span } = openRequest(req, res, log, options.traced ?? true);
  res.once('close', () => endRequestSpan(span, req, res, options.route));
  return info;
}

/** What `openRequest` starts: the caller ends `span` when the response closes. */
export interface OpenedRequest {
  readonly info: RequestInfo;
  readonly span: Span;
}

/**
 * `beginRequest` without its listener, for a front that ends the span in
 * the one close listener it has anyway.
 */
export function openRequest(
  req: IncomingMessage,
  res: ServerResponse,
  log: Logger,
  traced: boolean,
): OpenedRequest {
  const requestId = randomUUID();
  const callerId = header(req, 'x-request-id');
  const { span, context: spanContext } = startRequestSpan(
    req,
    requestId,
    traced,
  );
  const trace = traceContextOf(span);
  const info = new LazyLogInfo(
    {
      requestId,
      correlationId:
        callerId && callerIdPattern.test(callerId) ? callerId : requestId,
      userAgent: header(req, 'user-agent')?.slice(0, 256),
      trace,
      context: spanContext,
    },
    log,
  );
  (req as WithInfo)[infoKey] = info;
  res.setHeader('X-Request-Id', requestId);
  res.setHeader('traceparent', trace.traceparent);
  return { info, span };
}

/**
 * A class, not an object literal with a getter: V8 builds such literals
 * in old space, and the young objects they point to then outlive every
 * scavenge, which tripled the hot path's garbage collection.
 */
class LazyLogInfo implements RequestInfo {
  readonly requestId: string;
  readonly correlationId: string;
  readonly userAgent: string | undefined;
  readonly trace: TraceContext;
  readonly context: Context;
  readonly #parent: Logger;
  #child: Logger | undefined;

  constructor(ids: Omit<RequestInfo, 'log'>, parent: Logger) {
    this.requestId = ids.requestId;
    this.correlationId = ids.correlationId;
    this.userAgent = ids.userAgent;
    this.trace = ids.trace;
    this.context = ids.context;
    this.#parent = parent;
  }

  /** Most requests log nothing: the child is made when a line is written. */
  get log(): Logger {
    this.#child ??= this.#parent.child({
      requestId: this.requestId,
      traceId: this.trace.traceId,
    });
    return this.#child;
  }
}

/**
 * `beginRequest` as middleware: handlers run in the request's span.
 * `untracedPaths` get no span.
 */
export function requestContext(
  log: Logger,
  untracedPaths: readonly string[] = [],
) {
  const untraced = new Set(untracedPaths);

  return (req: Request, res: Response, next: NextFunction): void => {
    const traced = !untraced.has(req.path);
    const info = beginRequest(req, res, log, { traced });
    context.with(info.context, next);
  };
}

export function requestInfo(req: IncomingMessage): RequestInfo {
  const info = (req as WithInfo)[infoKey];
  if (!info) throw new Error('requestContext middleware is not installed');
  return info;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
