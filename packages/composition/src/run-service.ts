import type { Server } from 'node:http';
import { ConfigError, loadConfig, tracingSettings } from '@roster/config';
import type { Config } from '@roster/config';
import { createLogger, shutDown, startTracing } from '@roster/service-kit';
import type { Logger, ShutdownStep, Tracing } from '@roster/service-kit';

/** A started process: its server and how to close what it opened. */
export interface RunningService {
  readonly server: Server;
  readonly steps: readonly ShutdownStep[];
}

export type StartService = (
  config: Config,
  log: Logger,
) => Promise<RunningService>;

/**
 * Reads the environment, starts tracing when it is configured, starts the
 * service and stops it cleanly on SIGTERM or SIGINT. A failure to start
 * ends the process with one line on stderr, prefixed with `name`.
 */
export function runService(name: string, start: StartService): void {
  const config = readConfig(name);
  const log = createLogger(config.LOG_LEVEL, name);
  const tracing = startTracing(tracingSettings(config), name, log);

  start(config, log).then(
    (running) => onSignals(log, withTracing(running, tracing), config),
    (error: unknown) => {
      if (error instanceof ConfigError) {
        exitWith(`${name}: configuration: ${error.message}`);
      }
      const message = error instanceof Error ? error.message : String(error);
      exitWith(`${name}: ${message.split('\n')[0] ?? 'start-up failed'}`);
    },
  );
}

/** Spans still buffered are exported after everything else has closed. */
function withTracing(running: RunningService, tracing: Tracing) {
  const flush = { name: 'tracing', run: () => tracing.shutdown() };
  return { ...running, steps: [...running.steps, flush] };
}

function readConfig(name: string): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      exitWith(`${name}: configuration: ${error.message}`);
    }
    throw error;
  }
}

function onSignals(log: Logger, running: RunningService, config: Config) {
  let stopping = false;

  const handler = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');

    shutDown(
      running.server,
      running.steps,
      config.ROSTER_SHUTDOWN_TIMEOUT_MS,
    ).then(
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
