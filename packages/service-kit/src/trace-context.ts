import { randomHex } from './random-hex';

/** A W3C Trace Context parent: version 00, ids in lower-case hex. */
export interface TraceContext {
  readonly traceId: string;
  readonly spanId: string;
  /** The `traceparent` header value naming this span. */
  readonly traceparent: string;
}

const pattern = /^00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$/;
const zeros = /^0+$/;

/**
 * Continues the caller's trace when its `traceparent` is valid, else starts
 * one; either way this hop gets a span id of its own.
 */
export function traceContext(header: string | undefined): TraceContext {
  const match = pattern.exec(header?.trim().toLowerCase() ?? '');
  const caller = match?.[1];
  const traceId = caller && !zeros.test(caller) ? caller : randomHex(16);
  const spanId = randomHex(8);

  return { traceId, spanId, traceparent: `00-${traceId}-${spanId}-01` };
}
