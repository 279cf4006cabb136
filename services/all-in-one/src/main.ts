import { resolve } from 'node:path';
import { ConfigError, loadConfig } from '@roster/config';
import type { Config } from '@roster/config';
import { createLogger, shutDown } from '@roster/service-kit';
import type { Logger } from '@roster/service-kit';
import { resolveAdminToken } from './admin-token';
import { bootstrapTenant } from './bootstrap-tenant';
import { openStores } from './open-stores';
import { createRosterApp } from './roster-app';
import { startSystem } from './roster-system';

/** `pnpm start`: the embedded all-in-one server. */
async function main(): Promise<void> {
  const config = readConfig();
  const log = createLogger(config.LOG_LEVEL, 'roster');
  const dataDir = resolve(config.ROSTER_DATA_DIR);

  const stores = await openStores({ ...config, dataDir });
  const system = await startSystem(stores, {
    consistencyTimeoutMs: config.ROSTER_CONSISTENCY_TIMEOUT_MS,
    log,
  });
  const admin = await resolveAdminToken(config.ROSTER_ADMIN_TOKEN, dataDir);
  if (admin.file) log.info({ path: admin.file }, 'operator token file');
  await bootstrap(config, system);

  const app = createRosterApp(system, { log, adminToken: admin.token });
  const server = app.listen(config.PORT, config.HOST, () => {
    log.info(
      { host: config.HOST, port: config.PORT, mode: config.mode },
      'roster listening',
    );
  });
  server.requestTimeout = 55_000;
  server.headersTimeout = 20_000;

  onSignals(log, async () => {
    const steps = [
      { name: 'projections', run: () => system.close() },
      { name: 'stores', run: () => stores.close() },
    ];
    return shutDown(server, steps, config.ROSTER_SHUTDOWN_TIMEOUT_MS);
  });
}

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError)
      exitWith(`roster: configuration: ${error.message}`);
    throw error;
  }
}

async function bootstrap(
  config: Config,
  system: Awaited<ReturnType<typeof startSystem>>,
) {
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

function onSignals(log: Logger, stop: () => Promise<boolean>): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    stop().then(
      (clean) => process.exit(clean ? 0 : 1),
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', handler);
  process.on('SIGINT', handler);
}

function exitWith(line: string): never {
  process.stderr.write(`${line}\n`);
  process.exit(1);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  exitWith(`roster: ${message.split('\n')[0] ?? 'start-up failed'}`);
});
