import type { Actor } from '@roster/domain';
import type { EventStore } from '@roster/event-store';
import { migrateSchema, type ReadStore } from '@roster/read-store';
import type { Kysely } from 'kysely';
import type { RetryPolicy } from './backoff';
import { catchUpStep, type RunContext } from './catch-up';
import { ConsistencyWaiter } from './consistency-waiter';
import {
  createGeneration,
  dropRetired,
  listGenerations,
  type Generation,
} from './generations';
import { partitionOfTenant } from './partition-of-tenant';
import type { RegisteredProjection } from './projection';
import { rebuildProjection, type RebuildResult } from './rebuild-projection';
import { readRebuildProgress, type RebuildProgress } from './rebuild-progress';
import { schemaFor } from './schema-for';
import { unitKey, type RunUnit } from './run-unit';
import { createUnitLeases } from './unit-leases';
import type { RuntimeObserver } from './runtime-observer';
import {
  readStatus,
  summariseHealth,
  type PartitionStatus,
  type RuntimeHealth,
} from './runtime-status';
import { skipEvent, type SkipResult } from './skip-event';
import { logAheadOfUnits } from './log-ahead';
import { ProjectionCode, runnableUnits, unitsOfTenant } from './unit-catalog';

export interface ProjectionRuntimeOptions {
  readonly store: EventStore;
  readonly readStore: ReadStore;
  readonly projections: readonly RegisteredProjection[];
  /** Partitions of a new generation. Default 8. */
  readonly partitions?: number;
  /** Events read per batch. Default 1000. */
  readonly batchSize?: number;
  /** Backoff of a stopped partition's retries. */
  readonly retry?: RetryPolicy;
  readonly observer?: RuntimeObserver;
  /** Default of waitFor; ROSTER_CONSISTENCY_TIMEOUT_MS. Default 10000. */
  readonly consistencyTimeoutMs?: number;
}

/**
 * How far one catchUp call got. `busy`: another process holds the unit's
 * lease and is catching it up; nothing was read here.
 */
export type CatchUpResult =
  | { readonly state: 'caught-up' }
  | { readonly state: 'more' }
  | { readonly state: 'blocked'; readonly retryAt: Date }
  | { readonly state: 'busy' };

export interface CatchUpOptions {
  /** Stop after this many batches (fairness between units). */
  readonly maxBatches?: number;
}

/** Drivers listen for wake-ups that do not come from an append. */
export type WakeListener = (tenantId: string) => void;

export interface ProjectionRuntime {
  /** Creates and migrates generations; idempotent. Call before the rest. */
  start(): Promise<void>;
  /** Every unit this process can run (as of the last start or refresh). */
  units(): readonly RunUnit[];
  unitsOfTenant(tenantId: string): readonly RunUnit[];
  /** Re-reads the generations, e.g. after another process rebuilt. */
  refresh(): Promise<void>;
  /** Whether the log has events that some unit has not applied yet. */
  logAhead(): Promise<boolean>;
  /** Catches one unit up; concurrent calls for one unit coalesce. */
  catchUp(unit: RunUnit, options?: CatchUpOptions): Promise<CatchUpResult>;
  /**
   * Resolves when every read-serving projection passed `position` for the
   * tenant's partition. @throws ConsistencyTimeoutError
   */
  waitFor(
    tenantId: string,
    position: string,
    timeoutMs?: number,
  ): Promise<void>;
  status(): Promise<PartitionStatus[]>;
  health(): Promise<RuntimeHealth>;
  /** Appends ProjectionEventSkipped and lets the projection pass the event. */
  skipEvent(
    projection: string,
    eventId: string,
    reason: string,
    actor?: Actor,
  ): Promise<SkipResult>;
  /** Builds the latest code version into a fresh schema, then switches. */
  rebuild(name: string): Promise<RebuildResult>;
  /** Events applied by the generation being built and by the active one. */
  rebuildProgress(name: string): Promise<RebuildProgress>;
  onWake(listener: WakeListener): () => void;
  close(): Promise<void>;
}

interface Running {
  promise: Promise<CatchUpResult>;
  again: boolean;
}

export function createProjectionRuntime(
  options: ProjectionRuntimeOptions,
): ProjectionRuntime {
  const { store, readStore } = options;
  const db = readStore.db;
  const code = new ProjectionCode(options.projections);
  const partitions = options.partitions ?? 8;
  const context: RunContext = {
    store,
    db,
    batchSize: options.batchSize ?? 1000,
    retry: options.retry ?? {},
    observer: options.observer ?? {},
  };

  let generations: Generation[] = [];
  let units: RunUnit[] = [];
  const running = new Map<string, Running>();
  const leases = createUnitLeases(readStore.client);
  const listeners = new Set<WakeListener>();

  const refresh = async (): Promise<void> => {
    generations = await listGenerations(db);
    units = runnableUnits(generations, code);
  };

  const targetsOf = async (tenantId: string) => {
    const current = await listGenerations(db);
    return current
      .filter((g) => g.state === 'active' && code.servesReads(g.projection))
      .map((g) => ({
        schema: g.schema_name,
        partition: partitionOfTenant(tenantId, g.partition_count),
      }));
  };
  const onSwitch = () => {
    refresh().catch((error: unknown) =>
      context.observer.transientError?.(error),
    );
  };
  const waiter = new ConsistencyWaiter(
    readStore.client,
    db,
    targetsOf,
    onSwitch,
  );

  const runLoop = async (
    unit: RunUnit,
    maxBatches: number,
  ): Promise<CatchUpResult> => {
    const projection = code.get(unit.projection, unit.version);
    if (!projection)
      throw new Error(`no code for ${unit.projection} v${unit.version}`);

    for (let batches = 0; batches < maxBatches; batches++) {
      const step = await catchUpStep(context, unit, projection);
      if (step.kind === 'idle') return { state: 'caught-up' };
      if (step.kind === 'progress' && step.caughtUp)
        return { state: 'caught-up' };
      if (step.kind === 'blocked')
        return { state: 'blocked', retryAt: step.retryAt };
    }
    return { state: 'more' };
  };

  const catchUp = (unit: RunUnit, catchUpOptions: CatchUpOptions = {}) => {
    const key = unitKey(unit);
    const current = running.get(key);
    if (current) {
      current.again = true;
      return current.promise;
    }

    const maxBatches = catchUpOptions.maxBatches ?? Number.POSITIVE_INFINITY;
    const entry: Running = {
      promise: Promise.resolve({ state: 'caught-up' }),
      again: false,
    };
    entry.promise = (async () => {
      try {
        const lease = await leases.tryTake(unit);
        if (!lease) return { state: 'busy' };

        try {
          let result: CatchUpResult;
          do {
            entry.again = false;
            result = await runLoop(unit, maxBatches);
          } while (entry.again && result.state === 'caught-up');
          return result;
        } finally {
          await lease.release();
        }
      } finally {
        running.delete(key);
      }
    })();
    running.set(key, entry);
    return entry.promise;
  };

  return {
    start: async () => {
      await ensureGenerations(db, code, partitions);
      await dropRetired(db);
      await refresh();
      await waiter.start();
    },
    units: () => units,
    logAhead: () => logAheadOfUnits(db, store, units),
    unitsOfTenant: (tenantId) => unitsOfTenant(units, tenantId),
    refresh,
    catchUp,
    waitFor: (tenantId, position, timeoutMs) =>
      waiter.waitFor(
        tenantId,
        position,
        timeoutMs ?? options.consistencyTimeoutMs ?? 10_000,
      ),
    status: () => readStatus(db, store, code),
    health: async () =>
      summariseHealth(await readStatus(db, store, code), code),
    skipEvent: async (projection, eventId, reason, actor) => {
      const result = await skipEvent(db, store, {
        projection,
        eventId,
        reason,
        actor: actor ?? { kind: 'system', id: 'operator' },
      });
      for (const listener of listeners) listener(result.tenantId);
      return result;
    },
    rebuild: async (name) => {
      const result = await rebuildProjection(
        { db, code, partitions, refresh, catchUp, units: () => units },
        name,
      );
      await refresh();
      return result;
    },
    rebuildProgress: (name) => readRebuildProgress(db, name),
    onWake: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: async () => {
      await Promise.allSettled(
        [...running.values()].map((entry) => entry.promise),
      );
      await waiter.stop();
      await leases.close();
    },
  };
}

/**
 * Every projection with code here gets a generation the first time (active
 * at once: nothing older serves); every generation with code is migrated.
 */
async function ensureGenerations(
  db: ReadStore['db'],
  code: ProjectionCode,
  partitions: number,
): Promise<void> {
  const existing = await listGenerations(db);

  for (const projection of code.latest()) {
    if (existing.some((g) => g.projection === projection.name)) continue;
    await migrateSchema(
      db as Kysely<unknown>,
      schemaFor(projection),
      projection.migrations,
    );
    await createGeneration(db, {
      schema: schemaFor(projection),
      projection: projection.name,
      version: projection.version,
      state: 'active',
      partitionCount: partitions,
    }).catch(async (error: unknown) => {
      // Another process registered it first.
      if (
        !(await listGenerations(db)).some(
          (g) => g.projection === projection.name,
        )
      ) {
        throw error;
      }
    });
  }

  for (const generation of await listGenerations(db)) {
    const projection = code.get(generation.projection, generation.version);
    if (!projection || generation.state === 'retired') continue;
    await migrateSchema(
      db as Kysely<unknown>,
      generation.schema_name,
      projection.migrations,
    );
  }
}
