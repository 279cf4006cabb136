import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  context,
  propagation,
  trace,
} from '@opentelemetry/api';
import type { Link, Span } from '@opentelemetry/api';
import type { Job } from 'bullmq';
import type { WakeJob } from './bullmq-queue';

// Messaging semantic conventions; the names are still incubating there.
const queueAttributes = (queue: string, operation: 'send' | 'process') => ({
  'messaging.system': 'bullmq',
  'messaging.destination.name': queue,
  'messaging.operation.type': operation,
});

const tracer = trace.getTracer('@roster/projection-runtime');

/** `{ trace }` of the active context for job data; `{}` if untraced. */
export function tracedJob(): Pick<WakeJob, 'trace'> {
  const trace: Record<string, string> = {};
  propagation.inject(context.active(), trace);
  return Object.keys(trace).length > 0 ? { trace } : {};
}

/** Enqueuing wake-ups, in a producer span of the caller's trace. */
export function inSendSpan<T>(
  queue: string,
  units: number,
  send: () => Promise<T>,
): Promise<T> {
  const attributes = {
    ...queueAttributes(queue, 'send'),
    'messaging.batch.message_count': units,
  };
  return tracer.startActiveSpan(
    `send ${queue}`,
    { kind: SpanKind.PRODUCER, attributes },
    (span) => ended(span, send),
  );
}

// TODO(limit): deduplication keeps one job per unit, so the link names
// one of the requests the job serves, or none when a sweep's job won.
/**
 * Runs a wake-up job in a consumer span of its own trace, linked to the
 * context that enqueued it.
 */
export function inProcessSpan<T>(
  queue: string,
  job: Job<WakeJob>,
  run: () => Promise<T>,
): Promise<T> {
  const attributes = {
    ...queueAttributes(queue, 'process'),
    'messaging.message.id': job.id ?? '',
    'roster.projection.schema': job.data.schema,
    'roster.projection.partition': job.data.partition,
  };
  const options = { kind: SpanKind.CONSUMER, attributes, root: true };
  return tracer.startActiveSpan(
    `process ${queue}`,
    { ...options, links: linksOf(job.data.trace) },
    (span) => ended(span, run),
  );
}

function linksOf(carrier: WakeJob['trace']): Link[] {
  if (!carrier) return [];
  const origin = trace.getSpanContext(
    propagation.extract(ROOT_CONTEXT, carrier),
  );
  return origin ? [{ context: origin }] : [];
}

async function ended<T>(span: Span, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const type = error instanceof Error ? error.name : 'Error';
    span.setAttribute('error.type', type);
    span.setStatus({ code: SpanStatusCode.ERROR });
    throw error;
  } finally {
    span.end();
  }
}
