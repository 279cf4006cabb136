import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startChild, waitForHttp } from './child-server';
import type { ChildServer } from './child-server';
import { benchLimits } from './bench-limits';
import { createScratchDatabase } from './scratch-database';
import { freePort } from './free-port';
import { serviceNodeFlags } from '../topology/node-flags';

export type RosterMode = 'embedded' | 'production';

export interface RosterServer {
  readonly mode: RosterMode;
  /** Serves /scim/v2. */
  readonly scimUrl: string;
  /** Serves /admin/v1 and /v1. */
  readonly accessUrl: string;
  readonly adminToken: string;
  /** The server processes, for /proc sampling. */
  readonly pids: readonly number[];
  /** Seconds from starting the server to its first /healthz answer. */
  readonly startSeconds?: number;
  /** How production was run, for the report. */
  readonly topology: string;
  /** PostgreSQL URL of the read store, production only. */
  readonly databaseUrl: string | undefined;
  /** The latest output of the server processes (LOG_LEVEL=warn). */
  readonly output: () => string;
  stop(): Promise<void>;
}

export interface RosterOptions {
  readonly mode: RosterMode;
  /** Directory for a V8 CPU profile of the server; none when unset. */
  readonly cpuProfileDir?: string | undefined;
  /**
   * Writes to the server's store, given `--data-dir <dir>` or `--postgres
   * <url>`: before an embedded server opens its data directory (only one
   * process may), once a production server runs.
   */
  readonly seed?: ((storeArgs: string[]) => Promise<void>) | undefined;
}

const entry = 'services/all-in-one/src/main.ts';

/** How long an embedded server may take to open a seeded data directory. */
const seededStartMs = 15 * 60_000;

/**
 * Embedded: the all-in-one server over PGlite. Production: the separate
 * processes of scripts/src/topology (ingress, access API, projector over
 * PostgreSQL and Redis) when that module loads, else the all-in-one over a
 * scratch PostgreSQL database (BENCH_PRODUCTION=all-in-one forces that).
 */
export async function startRoster(
  options: RosterOptions,
): Promise<RosterServer> {
  if (options.mode === 'production' && !forcedAllInOne()) {
    const topology = await loadTopology();
    if (topology) {
      return topology.startTopologyServer(options.cpuProfileDir, options.seed);
    }
  }
  return startAllInOne(options);
}

interface TopologyModule {
  startTopologyServer(
    profileDir: string | undefined,
    seed: RosterOptions['seed'],
  ): Promise<RosterServer>;
}

/** Loaded by a computed name: the topology scripts may not exist yet. */
async function loadTopology(): Promise<TopologyModule | undefined> {
  const name = './topology-server';
  const loaded: unknown = await import(name).catch((error: unknown) => {
    process.stderr.write(`no production topology: ${String(error)}\n`);
    return undefined;
  });
  if (typeof loaded === 'object' && loaded && 'startTopologyServer' in loaded) {
    return loaded as TopologyModule;
  }
  return undefined;
}

function forcedAllInOne(): boolean {
  return process.env['BENCH_PRODUCTION'] === 'all-in-one';
}

async function startAllInOne(options: RosterOptions): Promise<RosterServer> {
  const port = await freePort();
  const adminToken = `rst_op_bench_${randomBytes(16).toString('hex')}`;
  const store = await storeFor(options.mode);
  await options.seed?.(storeArgsOf(store.env)).catch(async (error) => {
    await store.drop();
    throw error;
  });
  const profiling = options.cpuProfileDir
    ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`]
    : [];
  const nodeFlags = [...serviceNodeFlags, ...profiling];

  const server = startChild({
    entry,
    nodeFlags,
    env: {
      ...store.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      ROSTER_ADMIN_TOKEN: adminToken,
      LOG_LEVEL: 'warn',
      ...benchLimits,
    },
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const opening = Date.now();
  // PGlite reads a seeded data directory whole before the server listens.
  const startMs = options.seed ? seededStartMs : 60_000;
  await waitForHttp(server, `${baseUrl}/healthz`, startMs).catch(
    async (error) => {
      await stopAll(server, store.drop);
      throw error;
    },
  );
  const startSeconds = (Date.now() - opening) / 1000;

  return {
    mode: options.mode,
    scimUrl: baseUrl,
    accessUrl: baseUrl,
    adminToken,
    pids: [server.pid],
    startSeconds,
    topology: store.topology,
    databaseUrl: store.env['DATABASE_URL'],
    output: () => server.output(),
    stop: () => stopAll(server, store.drop),
  };
}

function storeArgsOf(env: Record<string, string>): string[] {
  const url = env['DATABASE_URL'];
  if (url) return ['--postgres', url];
  return ['--data-dir', env['ROSTER_DATA_DIR'] ?? ''];
}

interface StoreSetup {
  readonly env: Record<string, string>;
  readonly topology: string;
  readonly drop: () => Promise<void>;
}

async function storeFor(mode: RosterMode): Promise<StoreSetup> {
  if (mode === 'production') {
    const database = await createScratchDatabase('roster_bench');
    return {
      env: { DATABASE_URL: database.url },
      topology: 'all-in-one process over PostgreSQL (events and read store)',
      drop: database.drop,
    };
  }

  const dataDir = await mkdtemp(join(tmpdir(), 'roster-bench-'));
  return {
    env: { ROSTER_DATA_DIR: dataDir },
    topology: 'all-in-one process over PGlite',
    drop: () => rm(dataDir, { recursive: true, force: true }),
  };
}

async function stopAll(
  server: ChildServer,
  drop: () => Promise<void>,
): Promise<void> {
  await server.stop();
  await drop();
}
