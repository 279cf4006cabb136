export type { RetryPolicy } from './backoff';
export { ConsistencyTimeoutError } from './consistency-timeout-error';
export { QUEUE_NAME, type WakeJob } from './drivers/bullmq-queue';
export {
  createBullmqDriver,
  type BullmqDriverOptions,
} from './drivers/bullmq-worker';
export {
  createBullmqWaker,
  openBullmqWaker,
  type OpenedWaker,
} from './drivers/bullmq-waker';
export {
  createEmbeddedDriver,
  type EmbeddedDriverOptions,
} from './drivers/embedded-driver';
export type { ProjectionDriver, Waker } from './drivers/projection-driver';
export { parseRecorded } from './parse-recorded';
export { partitionOfTenant } from './partition-of-tenant';
export {
  defineProjection,
  type EventEnvelope,
  type ParsedEvent,
  type Projection,
  type RegisteredProjection,
} from './projection';
export {
  createProjectionRuntime,
  type CatchUpOptions,
  type CatchUpResult,
  type ProjectionRuntime,
  type ProjectionRuntimeOptions,
  type WakeListener,
} from './projection-runtime';
export {
  RebuildBehindError,
  RebuildBlockedError,
  type RebuildResult,
} from './rebuild-projection';
export type { RebuildProgress } from './rebuild-progress';
export type { RunUnit } from './run-unit';
export type {
  BatchSample,
  DiscardSample,
  FailureSample,
  RuntimeObserver,
} from './runtime-observer';
export type {
  FailureStatus,
  PartitionStatus,
  RuntimeHealth,
} from './runtime-status';
export { schemaFor } from './schema-for';
export { NoSuchFailureError, type SkipResult } from './skip-event';
export { eventTime } from './event-time';
