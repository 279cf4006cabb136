import { randomUUID } from 'node:crypto';
import express from 'express';
import { loadConfig, type Config } from '@roster/config';
import { createEventStore, type Position } from '@roster/event-store';
import { effectivePermissionsProjection } from '@roster/projection-effective-permissions';
import {
  createProjectionRuntime,
  openBullmqWaker,
} from '@roster/projection-runtime';
import {
  createTenantDirectoryReader,
  tenantDirectoryProjection,
} from '@roster/projection-tenant-directory';
import { openReadStore } from '@roster/read-store';
import {
  createLogger,
  createMetrics,
  hashToken,
  requestContext,
  requestMetrics,
  shutDown,
} from '@roster/service-kit';
import { createPgClient } from '@roster/sql';
import { createAccessRouter } from './access-router';
import { createAdminRouter } from './admin-router';

/**
 * The access API as its own process (production topology): PostgreSQL
 * read store, projector workers woken over BullMQ. Configured only by the
 * environment; embedded mode runs it inside the all-in-one server instead.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL, 'access-api');
  const { url, adminToken, redisUrl } = requireProduction(config);

  const client = createPgClient(url);
  const store = await createEventStore(
    config.eventStore === 'kurrentdb'
      ? { kind: 'kurrentdb', url: config.KURRENTDB_URL ?? '' }
      : { kind: 'sql', client },
  );
  const readStore = await openReadStore({ client });
  const runtime = createProjectionRuntime({
    store,
    readStore,
    projections: [effectivePermissionsProjection, tenantDirectoryProjection],
    consistencyTimeoutMs: config.ROSTER_CONSISTENCY_TIMEOUT_MS,
  });
  await runtime.start();
  const waker = openBullmqWaker(runtime, { redisUrl });

  const afterWrite = async (tenantId: string, position: Position) => {
    await waker.waker.wake(tenantId).catch((error: unknown) => {
      log.warn({ err: error }, 'wake-up failed; the sweep catches up');
    });
    await runtime.waitFor(tenantId, position);
  };
  const metrics = createMetrics();
  const operatorTokenHash = hashToken(adminToken);

  const app = express();
  app.disable('x-powered-by');
  app.use(requestContext(log));
  app.use(requestMetrics(metrics));
  app.get('/healthz', (_req, res) => res.json({ ok: true }));
  app.get('/metrics', async (_req, res) => {
    res
      .type(metrics.registry.contentType)
      .send(await metrics.registry.metrics());
  });
  app.use(
    '/admin/v1',
    createAdminRouter({
      store,
      consistency: { afterWrite },
      operatorTokenHash,
      newId: randomUUID,
    }),
  );
  app.use(
    '/v1',
    createAccessRouter({
      readClient: client,
      tokens: createTenantDirectoryReader(readStore.db),
      operatorTokenHash,
      metrics,
    }),
  );

  const server = app.listen(config.PORT, config.HOST, () => {
    log.info({ host: config.HOST, port: config.PORT }, 'access api listening');
  });
  process.once('SIGTERM', () => {
    void shutDown(
      server,
      [
        { name: 'waker', run: () => waker.close() },
        { name: 'runtime', run: () => runtime.close() },
        { name: 'event store', run: () => store.close() },
        { name: 'read store', run: () => client.close() },
      ],
      config.ROSTER_SHUTDOWN_TIMEOUT_MS,
    ).then((clean) => process.exit(clean ? 0 : 1));
  });
}

function requireProduction(config: Config): {
  url: string;
  adminToken: string;
  redisUrl: string;
} {
  const url = config.DATABASE_URL;
  const adminToken = config.ROSTER_ADMIN_TOKEN;
  const redisUrl = config.REDIS_URL;
  if (!url || !adminToken || !redisUrl) {
    throw new Error(
      'DATABASE_URL, REDIS_URL and ROSTER_ADMIN_TOKEN must be set for a separate access-api process',
    );
  }
  return { url, adminToken, redisUrl };
}

main().catch((error: unknown) => {
  createLogger('error', 'access-api').fatal({ err: error }, 'start failed');
  process.exit(1);
});
