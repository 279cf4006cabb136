import type { RuntimeObserver } from '@roster/projection-runtime';
import { activeTraceId } from '@roster/service-kit';
import type { Logger, Metrics } from '@roster/service-kit';
import { Histogram } from 'prom-client';
import { recordBatchSpan } from './batch-span';

/**
 * Maps the runtime's metrics-as-data onto prom-client, spans and the log.
 */
export function projectorObserver(
  metrics: Metrics,
  log: Logger,
): RuntimeObserver {
  // TODO(limit): these two belong in service-kit's metrics catalog.
  const registers = [metrics.registry];
  const batchEvents = new Histogram({
    name: 'roster_projection_batch_events',
    help: 'Events applied per committed batch',
    labelNames: ['projection'] as const,
    buckets: [1, 10, 100, 500, 1000, 5000],
    registers,
  });
  const applySeconds = new Histogram({
    name: 'roster_projection_apply_duration_seconds',
    help: 'Time to apply and commit one batch',
    labelNames: ['projection'] as const,
    buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
    registers,
  });

  return {
    batchCommitted: (sample) => {
      batchEvents.observe({ projection: sample.projection }, sample.events);
      applySeconds.observe(
        { projection: sample.projection },
        sample.applyMs / 1000,
      );
      recordBatchSpan(sample);
    },
    eventFailed: (sample) => {
      log.error(
        { failure: sample, ...activeTraceId() },
        'projection stopped at an event',
      );
    },
    transientError: (error) => {
      log.warn(
        { err: error, ...activeTraceId() },
        'projection step failed; retrying',
      );
    },
  };
}
