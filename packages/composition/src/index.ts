export {
  accessRoutes,
  accessSurface,
  type AccessSurface,
  type AccessWiring,
} from './access-routes';
export { bootstrapTenant, type BootstrapOptions } from './bootstrap-tenant';
export { countedEventStore } from './counted-event-store';
export {
  fastFront,
  type AheadOfApp,
  type FastFrontOptions,
} from './fast-front';
export { healthRoutes, type HealthOptions } from './health-routes';
export {
  openStores,
  storesOn,
  type StoreConfig,
  type Stores,
} from './open-stores';
export {
  openRemoteProjections,
  type RemoteProjectionOptions,
  type RemoteProjections,
} from './production-projections';
export { rosterProjections } from './projections';
export { rateLimiterFor } from './rate-limiter-for';
export {
  projectionCheck,
  readinessOf,
  recordLag,
  redisCheck,
  storeChecks,
  type Readiness,
  type ReadinessCheck,
} from './readiness';
export { SEAL_INTERVAL_MS, startCheckpointSealing } from './checkpoint-sealing';
export { openRedis, redisIsReady } from './redis-connection';
export { refuse } from './refusals';
export {
  runService,
  type RunningService,
  type StartService,
} from './run-service';
export { scimRoutes, type ScimWiring } from './scim-routes';
export { serve, type ServeOptions } from './serve';
export {
  createServiceApp,
  finishApp,
  type ServiceAppOptions,
} from './service-app';
export { tenantKeyOf } from './tenant-key';
export { tracedEventStore } from './traced-event-store';
export { writeGate } from './write-gate';
export { waitWhileWaking } from './wait-while-waking';
