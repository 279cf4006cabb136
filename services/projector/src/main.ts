import { requireProduction } from '@roster/config';
import type { Config } from '@roster/config';
import {
  createServiceApp,
  finishApp,
  openRedis,
  openStores,
  projectionCheck,
  redisCheck,
  rosterProjections,
  runService,
  serve,
  startCheckpointSealing,
  storeChecks,
} from '@roster/composition';
import type { RunningService } from '@roster/composition';
import {
  createBullmqDriver,
  createProjectionRuntime,
} from '@roster/projection-runtime';
import { createMetrics } from '@roster/service-kit';
import type { Logger } from '@roster/service-kit';
import { projectorObserver } from './projector-observer';
import { queueDepth } from './queue-depth';

/** A projector worker: BullMQ wake-ups in, read models out. */
async function start(env: Config, log: Logger): Promise<RunningService> {
  const config = requireProduction(env, 'projector');
  const metrics = createMetrics();
  const stores = await openStores({
    ...config,
    dataDir: undefined,
    poolMax: config.ROSTER_PG_POOL_MAX,
  });
  const runtime = createProjectionRuntime({
    store: stores.eventStore,
    readStore: stores.readStore,
    projections: rosterProjections,
    partitions: config.ROSTER_PROJECTION_PARTITIONS,
    batchSize: config.ROSTER_PROJECTION_BATCH,
    observer: projectorObserver(metrics, log),
    consistencyTimeoutMs: config.ROSTER_CONSISTENCY_TIMEOUT_MS,
  });
  await runtime.start();

  const driver = createBullmqDriver(runtime, {
    redisUrl: config.REDIS_URL,
    prefix: config.ROSTER_QUEUE_PREFIX,
    concurrency: config.ROSTER_PROJECTOR_CONCURRENCY,
    sweepMs: config.ROSTER_PROJECTOR_SWEEP_MS,
    onError: (error) => log.warn({ err: error }, 'projector job failed'),
  });
  await driver.start();

  const stopSealing = startCheckpointSealing(stores.eventStore, (error) =>
    log.warn({ error: String(error) }, 'checkpoint sealing failed'),
  );

  const redis = openRedis(config.REDIS_URL);
  const depth = queueDepth(redis, config.ROSTER_QUEUE_PREFIX, metrics);
  const app = createServiceApp({
    log,
    metrics,
    requestTimeoutMs: config.ROSTER_REQUEST_TIMEOUT_MS,
    health: {
      checks: [
        ...storeChecks(stores),
        redisCheck(redis),
        projectionCheck(runtime, metrics),
      ],
      beforeScrape: depth.record,
    },
  });
  finishApp(app);
  const server = await serve(app, {
    port: config.PORT,
    host: config.HOST,
    requestTimeoutMs: config.ROSTER_REQUEST_TIMEOUT_MS,
  });
  log.info(
    { pid: process.pid, port: config.PORT, units: runtime.units().length },
    'projector started',
  );

  return {
    server,
    steps: [
      { name: 'sealing', run: () => Promise.resolve(stopSealing()) },
      { name: 'driver', run: () => driver.stop() },
      { name: 'runtime', run: () => runtime.close() },
      { name: 'queue', run: () => depth.close() },
      { name: 'redis', run: () => redis.quit().then(() => undefined) },
      { name: 'stores', run: () => stores.close() },
    ],
  };
}

runService('roster-projector', start);
