import { createServer } from 'node:http';
import { createEventStore, type EventStoreConfig } from '@roster/event-store';
import {
  createBullmqDriver,
  createProjectionRuntime,
} from '@roster/projection-runtime';
import { openReadStore } from '@roster/read-store';
import { createLogger, createMetrics, shutDown } from '@roster/service-kit';
import { projections } from './projections';
import { projectorObserver } from './projector-observer';
import {
  projectorSettings,
  type ProjectorSettings,
} from './projector-settings';
import { statusRoutes } from './status-routes';

/** A projector worker: BullMQ wake-ups in, read models out. */
async function main(): Promise<void> {
  const settings = projectorSettings();
  const { config } = settings;
  const log = createLogger(config.LOG_LEVEL, 'projector');
  const metrics = createMetrics();

  const store = await createEventStore(storeConfig(settings));
  const readStore = await openReadStore({ url: config.DATABASE_URL });
  const runtime = createProjectionRuntime({
    store,
    readStore,
    projections,
    partitions: settings.partitions,
    batchSize: settings.batchSize,
    observer: projectorObserver(metrics, log),
    consistencyTimeoutMs: config.ROSTER_CONSISTENCY_TIMEOUT_MS,
  });
  await runtime.start();

  const driver = createBullmqDriver(runtime, {
    redisUrl: config.REDIS_URL,
    prefix: settings.queuePrefix,
    concurrency: settings.concurrency,
    onError: (error) => log.warn({ err: error }, 'projector job failed'),
  });
  await driver.start();

  const server = createServer(statusRoutes(runtime, metrics));
  server.listen(config.PORT, config.HOST);
  log.info(
    { pid: process.pid, units: runtime.units().length },
    'projector started',
  );

  const stop = async (): Promise<void> => {
    const clean = await shutDown(
      server,
      [
        { name: 'driver', run: () => driver.stop() },
        { name: 'runtime', run: () => runtime.close() },
        { name: 'read store', run: () => readStore.close() },
        { name: 'event store', run: () => store.close() },
      ],
      config.ROSTER_SHUTDOWN_TIMEOUT_MS,
    );
    log.info({ clean }, 'projector stopped');
    process.exit(clean ? 0 : 1);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

function storeConfig(settings: ProjectorSettings): EventStoreConfig {
  const { config } = settings;
  if (config.eventStore === 'kurrentdb' && config.KURRENTDB_URL) {
    return { kind: 'kurrentdb', url: config.KURRENTDB_URL };
  }
  return { kind: 'postgres', url: config.DATABASE_URL };
}

await main();
