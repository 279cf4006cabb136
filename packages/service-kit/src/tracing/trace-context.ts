import { TraceFlags, isSpanContextValid, trace } from '@opentelemetry/api';
import type { Span, SpanContext } from '@opentelemetry/api';
import { randomHex } from '../random-hex';

/** A W3C Trace Context parent: version 00, ids in lower-case hex. */
export interface TraceContext {
  readonly traceId: string;
  readonly spanId: string;
  /** The `traceparent` header value naming this span. */
  readonly traceparent: string;
}

/** The ids of `span` and the `traceparent` that names it. */
export function traceContextOf(span: Span): TraceContext {
  const { traceId, spanId, traceFlags } = span.spanContext();
  const flags = (traceFlags & 0xff).toString(16).padStart(2, '0');

  return { traceId, spanId, traceparent: `00-${traceId}-${spanId}-${flags}` };
}

/**
 * A span that records nothing but has ids of its own: it continues
 * `parent`'s trace (and its sampled flag) or starts one. For requests not
 * traced, and for processes without a tracer provider.
 */
export function unrecordedSpan(parent: SpanContext | undefined): Span {
  return trace.wrapSpanContext({
    traceId: parent?.traceId ?? randomHex(16),
    spanId: randomHex(8),
    traceFlags: parent?.traceFlags ?? TraceFlags.NONE,
  });
}

/** `{ traceId }` of the active recorded span, for a log line; else `{}`. */
export function activeTraceId(): { traceId?: string } {
  const active = trace.getActiveSpan()?.spanContext();
  return active && isSpanContextValid(active)
    ? { traceId: active.traceId }
    : {};
}
