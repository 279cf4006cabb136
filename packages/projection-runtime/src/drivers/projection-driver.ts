/** What the ingress calls right after an append. */
export interface Waker {
  /** Schedules the tenant's partitions; resolves once scheduled, not run. */
  wake(tenantId: string): Promise<void>;
}

/**
 * Runs the runtime's units: in-process (embedded) or from BullMQ wake-up
 * jobs. Either way, a sweep catches what a lost wake-up missed.
 */
export interface ProjectionDriver {
  readonly waker: Waker;
  start(): Promise<void>;
  /** Stops taking work and waits for the batches in flight. */
  stop(): Promise<void>;
}
