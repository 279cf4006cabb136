import { randomUUID } from 'node:crypto';
import { requireAdminToken, requireProduction } from '@roster/config';
import type { Config, ProductionConfig } from '@roster/config';
import {
  accessSurface,
  bootstrapTenant,
  countedEventStore,
  createServiceApp,
  fastFront,
  finishApp,
  openRedis,
  openRemoteProjections,
  openStores,
  projectionCheck,
  redisCheck,
  redisIsReady,
  runService,
  serve,
  storeChecks,
  tracedEventStore,
} from '@roster/composition';
import type {
  RemoteProjections,
  RunningService,
  Stores,
} from '@roster/composition';
import { createTenantDirectoryReader } from '@roster/projection-tenant-directory';
import type { TenantDirectoryReader } from '@roster/projection-tenant-directory';
import { createMetrics, keepGcPausesShort } from '@roster/service-kit';
import type { Logger } from '@roster/service-kit';

/**
 * The access API as its own process (production topology): permission
 * checks, admin and audit over the PostgreSQL read models; its admin
 * writes wake the projector workers over BullMQ. Configured only by the
 * environment; embedded mode mounts the same routers in the all-in-one.
 */
async function start(env: Config, log: Logger): Promise<RunningService> {
  const config = requireProduction(env, 'access API');
  const adminToken = requireAdminToken(env, 'access API');
  const metrics = createMetrics();
  const stores = await openStores({
    ...config,
    dataDir: undefined,
    poolMax: config.ROSTER_PG_POOL_MAX,
  });
  const redis = openRedis(config.REDIS_URL);
  const projections = await openRemoteProjections(stores, config, {
    log,
    metrics,
  });
  const directory = createTenantDirectoryReader(stores.readStore.db);
  await bootstrap(config, stores, directory, projections);

  const app = createServiceApp({
    log,
    metrics,
    requestTimeoutMs: config.ROSTER_REQUEST_TIMEOUT_MS,
    health: {
      checks: [
        ...storeChecks(stores),
        redisCheck(redis),
        projectionCheck(projections.runtime, metrics),
      ],
    },
  });
  const access = accessSurface({
    store: tracedEventStore(countedEventStore(stores.eventStore, metrics)),
    readStore: stores.readStore,
    keyring: stores.keyring,
    tokens: directory,
    afterWrite: projections.afterWrite,
    newId: randomUUID,
    adminToken,
    metrics,
    writesOpen: () => redisIsReady(redis),
  });
  app.use(access.router);
  finishApp(app);

  const requestTimeoutMs = config.ROSTER_REQUEST_TIMEOUT_MS;
  const server = await serve(app, {
    port: config.PORT,
    host: config.HOST,
    requestTimeoutMs,
    ahead: fastFront(access.fastRoutes, { log, metrics, requestTimeoutMs }),
  });
  log.info({ host: config.HOST, port: config.PORT }, 'access api listening');

  return {
    server,
    steps: [
      { name: 'projections', run: () => projections.close() },
      { name: 'redis', run: () => redis.quit().then(() => undefined) },
      { name: 'stores', run: () => stores.close() },
    ],
  };
}

/** ROSTER_BOOTSTRAP_TENANT and its SCIM token; needs a running projector. */
async function bootstrap(
  config: ProductionConfig,
  stores: Stores,
  directory: TenantDirectoryReader,
  projections: RemoteProjections,
): Promise<void> {
  const tenantId = config.ROSTER_BOOTSTRAP_TENANT;
  const scimToken = config.ROSTER_BOOTSTRAP_SCIM_TOKEN;
  if (!tenantId || !scimToken) return;

  await bootstrapTenant(
    stores.eventStore,
    directory,
    { tenantId, scimToken },
    projections.afterWrite,
  );
}

keepGcPausesShort();
runService('roster-access', start);
