import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  isSpanContextValid,
  trace,
} from '@opentelemetry/api';
import type { Context, Span, SpanContext } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import {
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
} from '@opentelemetry/semantic-conventions';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request } from 'express';
import { routeOf } from '../route-of';
import { unrecordedSpan } from './trace-context';
import { spanAttributes, tracer } from './tracer';

// Explicit, so the caller's trace is continued even with tracing off.
const propagator = new W3CTraceContextPropagator();
const headerGetter = {
  keys: (headers: IncomingMessage['headers']) => Object.keys(headers),
  get: (headers: IncomingMessage['headers'], key: string) => headers[key],
};

export interface RequestSpan {
  readonly span: Span;
  /** The caller's context with this span set: run the handlers in it. */
  readonly context: Context;
}

/**
 * The server span of one request, a child of the caller's `traceparent`
 * when it sent a valid one. `traced: false` gives ids but records nothing.
 * Attributes: method, route, status, request id; never the path, query,
 * headers or body.
 */
export function startRequestSpan(
  req: IncomingMessage,
  requestId: string,
  traced: boolean,
): RequestSpan {
  const parent = propagator.extract(ROOT_CONTEXT, req.headers, headerGetter);
  const started = traced
    ? tracer.startSpan(
        req.method ?? 'HTTP',
        {
          kind: SpanKind.SERVER,
          attributes: {
            [ATTR_HTTP_REQUEST_METHOD]: req.method ?? '',
            [spanAttributes.requestId]: requestId,
          },
        },
        parent,
      )
    : undefined;
  const caller = trace.getSpanContext(parent);
  const span =
    started && isOwnSpan(started, caller) ? started : unrecordedSpan(caller);

  return { span, context: trace.setSpan(parent, span) };
}

/** Without a tracer provider the API hands back the caller's own ids. */
function isOwnSpan(span: Span, caller: SpanContext | undefined): boolean {
  const own = span.spanContext();
  return isSpanContextValid(own) && own.spanId !== caller?.spanId;
}

/**
 * Names the span after its route (`route`, else the one express matched)
 * and ends it with the response status.
 */
export function endRequestSpan(
  span: Span,
  req: IncomingMessage,
  res: ServerResponse,
  route = routeOf(req as Request),
): void {
  if (route) {
    span.updateName(`${req.method} ${route}`);
    span.setAttribute(ATTR_HTTP_ROUTE, route);
  }

  span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, res.statusCode);
  if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
  if (!res.writableFinished) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: 'aborted' });
  }
  span.end();
}
