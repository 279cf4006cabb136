export {
  describeProjectionDriver,
  type DriverHarness,
} from './describe-projection-driver';
export { FailureFeed } from './failure-feed';
export {
  orderCheckProjection,
  POISON_ROLE,
  type TenantLogDatabase,
} from './order-check-projection';
export { createShimEventStore } from './shim-event-store';
export { appendOf, envelope, roleDefined } from './test-events';
export { untilBelowHorizon } from './below-horizon';
export { openRuntimeHarness, type RuntimeHarness } from './runtime-harness';
export { obliterateQueue } from './obliterate-prefix';
export { RedisServer } from './redis-server';
export { spawnOrderCheckWorker, type WorkerProcess } from './spawn-worker';
