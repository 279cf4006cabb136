import { randomUUID } from 'node:crypto';
import { requireProduction } from '@roster/config';
import type { Config } from '@roster/config';
import {
  countedEventStore,
  createServiceApp,
  finishApp,
  openRedis,
  openRemoteProjections,
  openStores,
  projectionCheck,
  rateLimiterFor,
  redisCheck,
  redisIsReady,
  runService,
  scimRoutes,
  serve,
  storeChecks,
  tracedEventStore,
} from '@roster/composition';
import type { RunningService } from '@roster/composition';
import { createTenantDirectoryReader } from '@roster/projection-tenant-directory';
import { createMetrics } from '@roster/service-kit';
import type { Logger } from '@roster/service-kit';

/**
 * The SCIM ingress: appends, wakes the projectors over BullMQ and waits
 * for read-your-writes. It never runs a projection itself.
 */
async function start(env: Config, log: Logger): Promise<RunningService> {
  const config = requireProduction(env, 'ingress');
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
  app.use(
    '/scim/v2',
    scimRoutes({
      store: tracedEventStore(countedEventStore(stores.eventStore, metrics)),
      readStore: stores.readStore,
      tokens: createTenantDirectoryReader(stores.readStore.db),
      afterWrite: projections.afterWrite,
      newId: randomUUID,
      limiter: rateLimiterFor(config, redis, metrics),
      metrics,
      writesOpen: () => redisIsReady(redis),
    }),
  );
  finishApp(app);

  const server = await serve(app, {
    port: config.PORT,
    host: config.HOST,
    requestTimeoutMs: config.ROSTER_REQUEST_TIMEOUT_MS,
  });
  log.info({ host: config.HOST, port: config.PORT }, 'ingress listening');

  return {
    server,
    steps: [
      { name: 'projections', run: () => projections.close() },
      { name: 'redis', run: () => redis.quit().then(() => undefined) },
      { name: 'stores', run: () => stores.close() },
    ],
  };
}

runService('roster-ingress', start);
