import { randomBytes } from 'node:crypto';
import { clearRedisPrefix } from './clear-redis-prefix';
import { freePort } from './free-port';
import { createFreshDatabase, localAdminUrl } from './fresh-database';
import {
  spawnService,
  waitForService,
  type ServiceKind,
  type ServiceProcess,
} from './service-process';

export interface TopologyOptions {
  /** Ingress processes. Default 1. */
  readonly ingresses?: number;
  /** Projector processes. Default 1. */
  readonly projectors?: number;
  /** Default redis://127.0.0.1:6379 (a prefix of its own keeps it apart). */
  readonly redisUrl?: string;
  /** Maintenance database of the local server, for CREATE DATABASE. */
  readonly adminUrl?: string;
  /** More environment for every service, e.g. ROSTER_RATE_LIMIT_PER_SECOND. */
  readonly env?: Readonly<Record<string, string>>;
  /**
   * Restart a process that exits on its own, as a container runtime with
   * `restart: unless-stopped` would. Default true.
   */
  readonly supervise?: boolean;
}

export interface TopologyUrls {
  readonly ingress: readonly string[];
  readonly access: string;
  readonly projector: readonly string[];
}

/** The three services as separate processes over a fresh database. */
export interface Topology {
  readonly urls: TopologyUrls;
  readonly databaseUrl: string;
  readonly redisUrl: string;
  readonly queuePrefix: string;
  readonly adminToken: string;
  /** `ingress-0`, …, `access`, `projector-0`, … */
  names(): string[];
  process(name: string): ServiceProcess;
  /** Sends `signal` (default SIGKILL) and waits for the exit. */
  kill(name: string, signal?: NodeJS.Signals): Promise<void>;
  /** Kills the process if it runs, starts it on the same port, waits. */
  restart(name: string): Promise<void>;
  /** SIGTERM to all, then drops the database and the Redis keys. */
  stop(): Promise<void>;
  /** Exits nobody asked for (each restarted when supervised). */
  crashes(): { readonly name: string; readonly output: string }[];
}

interface Slot {
  readonly kind: ServiceKind;
  readonly port: number;
  current: ServiceProcess;
  /** Set while a kill of ours is under way, so the exit is expected. */
  stopping: boolean;
}

/**
 * Starts projector(s), then the access API, then the ingress(es), each as
 * its own process on a free loopback port, and waits for each /healthz.
 */
export async function startTopology(
  options: TopologyOptions = {},
): Promise<Topology> {
  const database = await createFreshDatabase(options.adminUrl ?? localAdminUrl);
  const redisUrl = options.redisUrl ?? 'redis://127.0.0.1:6379';
  const queuePrefix = `roster-topology-${randomBytes(4).toString('hex')}`;
  const adminToken = `rst_op_${randomBytes(24).toString('base64url')}`;
  const env = {
    DATABASE_URL: database.url,
    REDIS_URL: redisUrl,
    ROSTER_QUEUE_PREFIX: queuePrefix,
    ROSTER_ADMIN_TOKEN: adminToken,
    LOG_LEVEL: 'info',
    ...options.env,
  };

  const slots = new Map<string, Slot>();
  const crashes: { name: string; output: string }[] = [];
  const run = (name: string, slot: Slot) => {
    slot.current = spawnService(slot.kind, slot.port, env);
    const started = slot.current;
    void started.exited.then(() => {
      if (slot.stopping || slot.current !== started) return;
      crashes.push({ name, output: started.output().slice(-4000) });
      if (options.supervise ?? true) setTimeout(() => run(name, slot), 200);
    });
  };
  const launch = async (name: string, kind: ServiceKind) => {
    const port = await freePort();
    const slot = { kind, port, stopping: false } as Slot;
    run(name, slot);
    slots.set(name, slot);
    await waitForService(slot.current, '/healthz');
  };

  try {
    await launchAll(options, launch);
  } catch (error) {
    await stopAll([...slots.values()]);
    await database.drop();
    throw error;
  }

  const slotOf = (name: string): Slot => {
    const slot = slots.get(name);
    if (!slot) throw new Error(`no service named ${name}`);
    return slot;
  };
  const urlsOf = (kind: ServiceKind) =>
    [...slots.values()]
      .filter((slot) => slot.kind === kind)
      .map((slot) => slot.current.url);

  return {
    urls: {
      ingress: urlsOf('ingress'),
      access: urlsOf('access')[0] ?? '',
      projector: urlsOf('projector'),
    },
    databaseUrl: database.url,
    redisUrl,
    queuePrefix,
    adminToken,
    names: () => [...slots.keys()],
    process: (name) => slotOf(name).current,
    kill: (name, signal = 'SIGKILL') => killSlot(slotOf(name), signal),
    restart: async (name) => {
      const slot = slotOf(name);
      await killSlot(slot, 'SIGKILL');
      slot.stopping = false;
      run(name, slot);
      await waitForService(slot.current, '/healthz');
    },
    crashes: () => [...crashes],
    stop: async () => {
      await stopAll([...slots.values()]);
      await database.drop();
      await clearRedisPrefix(redisUrl, queuePrefix).catch(() => undefined);
    },
  };
}

async function launchAll(
  options: TopologyOptions,
  launch: (name: string, kind: ServiceKind) => Promise<void>,
): Promise<void> {
  const count = (n: number | undefined) => Array.from({ length: n ?? 1 });

  // The first projector creates the projection generations; then the rest
  // start side by side.
  await launch('projector-0', 'projector');
  await Promise.all([
    ...count(options.projectors)
      .slice(1)
      .map((_, i) => launch(`projector-${i + 1}`, 'projector')),
    launch('access', 'access'),
    ...count(options.ingresses).map((_, i) =>
      launch(`ingress-${i}`, 'ingress'),
    ),
  ]);
}

async function killSlot(slot: Slot, signal: NodeJS.Signals): Promise<void> {
  slot.stopping = true;
  const { child } = slot.current;
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill(signal);
  await slot.current.exited;
}

async function stopAll(slots: readonly Slot[]): Promise<void> {
  await Promise.all(
    slots.map(async (slot) => {
      const stopped = killSlot(slot, 'SIGTERM');
      const late = setTimeout(() => slot.current.child.kill('SIGKILL'), 15_000);
      await stopped;
      clearTimeout(late);
    }),
  );
}
