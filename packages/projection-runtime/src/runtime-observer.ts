/** A batch committed by a runner. Durations in ms, lag in seconds. */
export interface BatchSample {
  readonly projection: string;
  readonly version: number;
  readonly partition: number;
  /** Events applied (skipped events not counted). */
  readonly events: number;
  readonly readMs: number;
  readonly applyMs: number;
  /** Age of the batch's last event when it committed. */
  readonly lagSeconds: number;
}

/** A batch whose commit lost the checkpoint compare-and-swap. */
export interface DiscardSample {
  readonly projection: string;
  readonly version: number;
  readonly partition: number;
  readonly events: number;
}

/** An event that stopped a partition. */
export interface FailureSample {
  readonly projection: string;
  readonly version: number;
  readonly partition: number;
  readonly eventId: string;
  readonly position: string;
  readonly error: string;
  readonly attempts: number;
  readonly nextRetryAt: Date;
}

/**
 * Metrics as data: services map these calls to prom-client (histograms of
 * batch sizes and apply durations, a failure counter). Must not throw.
 */
export interface RuntimeObserver {
  batchCommitted?(sample: BatchSample): void;
  /** A batch read in vain: another runner moved the checkpoint first. */
  batchDiscarded?(sample: DiscardSample): void;
  eventFailed?(sample: FailureSample): void;
  /** A runner gave up on a step for a reason that is not the handler's. */
  transientError?(error: unknown): void;
}
