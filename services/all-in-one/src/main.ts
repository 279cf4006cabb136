import { resolve } from 'node:path';
import type { Config } from '@roster/config';
import {
  bootstrapTenant,
  openStores,
  runService,
  serve,
} from '@roster/composition';
import type { RunningService } from '@roster/composition';
import { keepGcPausesShort } from '@roster/service-kit';
import type { Logger } from '@roster/service-kit';
import { resolveAdminToken } from './admin-token';
import { createRosterHttp } from './roster-app';
import { startSystem } from './roster-system';
import type { RosterSystem } from './roster-system';

/** `pnpm start`: the embedded all-in-one server. */
async function start(config: Config, log: Logger): Promise<RunningService> {
  const dataDir = resolve(config.ROSTER_DATA_DIR);
  const stores = await openStores({
    ...config,
    dataDir,
    poolMax: config.ROSTER_PG_POOL_MAX,
  });
  const system = await startSystem(stores, {
    consistencyTimeoutMs: config.ROSTER_CONSISTENCY_TIMEOUT_MS,
    log,
  });

  const admin = await resolveAdminToken(config.ROSTER_ADMIN_TOKEN, dataDir);
  if (admin.file) log.info({ path: admin.file }, 'operator token file');
  await bootstrap(config, system);

  const { app, ahead } = createRosterHttp(system, {
    log,
    adminToken: admin.token,
    rateLimitPerSecond: config.ROSTER_RATE_LIMIT_PER_SECOND,
    requestTimeoutMs: config.ROSTER_REQUEST_TIMEOUT_MS,
  });
  const server = await serve(app, {
    port: config.PORT,
    host: config.HOST,
    requestTimeoutMs: config.ROSTER_REQUEST_TIMEOUT_MS,
    ahead,
  });
  log.info(
    { host: config.HOST, port: config.PORT, mode: config.mode },
    'roster listening',
  );

  return {
    server,
    steps: [
      { name: 'projections', run: () => system.close() },
      { name: 'stores', run: () => stores.close() },
    ],
  };
}

async function bootstrap(config: Config, system: RosterSystem) {
  const tenantId = config.ROSTER_BOOTSTRAP_TENANT;
  const scimToken = config.ROSTER_BOOTSTRAP_SCIM_TOKEN;
  if (!tenantId || !scimToken) return;

  await bootstrapTenant(
    system.stores.eventStore,
    system.directory,
    { tenantId, scimToken },
    system.afterWrite,
  );
}

keepGcPausesShort();
runService('roster', start);
