import type { BatchSample } from '@roster/projection-runtime';
import { spanAttributes, spans, tracer } from '@roster/service-kit';

/**
 * Records a committed batch as a span of the job that ran it, after the
 * fact: the runtime reports a batch only once it has committed.
 */
export function recordBatchSpan(sample: BatchSample): void {
  const now = Date.now();
  const span = tracer.startSpan(spans.projectionBatch, {
    startTime: now - sample.readMs - sample.applyMs,
    attributes: {
      [spanAttributes.projection]: sample.projection,
      [spanAttributes.projectionVersion]: sample.version,
      [spanAttributes.partition]: sample.partition,
      [spanAttributes.events]: sample.events,
      [spanAttributes.lagSeconds]: sample.lagSeconds,
    },
  });
  span.end(now);
}
