import { randomUUID } from 'node:crypto';
import type { Position } from '@roster/event-store';
import { START } from '@roster/event-store';
import {
  createEmbeddedDriver,
  createProjectionRuntime,
} from '@roster/projection-runtime';
import type {
  ProjectionDriver,
  ProjectionRuntime,
} from '@roster/projection-runtime';
import {
  rosterProjections,
  startCheckpointSealing,
  waitWhileWaking,
} from '@roster/composition';
import type { Stores } from '@roster/composition';
import { createTenantDirectoryReader } from '@roster/projection-tenant-directory';
import type { TenantDirectoryReader } from '@roster/projection-tenant-directory';
import type { Logger } from '@roster/service-kit';

/** The running core of Roster: stores, projections and their driver. */
export interface RosterSystem {
  readonly stores: Stores;
  readonly runtime: ProjectionRuntime;
  readonly directory: TenantDirectoryReader;
  /** Read-your-writes for a write that ended at `position`. */
  readonly afterWrite: (tenantId: string, position: Position) => Promise<void>;
  readonly newId: () => string;
  close(): Promise<void>;
}

export interface SystemOptions {
  readonly consistencyTimeoutMs: number;
  readonly log?: Logger;
}

/** Every projection the all-in-one process builds. */
export const projections = rosterProjections;

/** Starts the projections in-process over the given stores. */
export async function startSystem(
  stores: Stores,
  options: SystemOptions,
): Promise<RosterSystem> {
  const runtime = createProjectionRuntime({
    store: stores.eventStore,
    readStore: stores.readStore,
    projections,
    partitions: 1,
    consistencyTimeoutMs: options.consistencyTimeoutMs,
    observer: {
      eventFailed: (failure) =>
        options.log?.error({ failure }, 'projection stopped at an event'),
    },
  });
  await runtime.start();

  const driver: ProjectionDriver = createEmbeddedDriver(runtime, {
    onError: (error) =>
      options.log?.warn({ err: error }, 'projection catch-up failed'),
  });
  await driver.start();

  const afterWrite = async (tenantId: string, position: Position) => {
    if (position === START) return;

    await waitWhileWaking(
      () => driver.waker.wake(tenantId),
      () => runtime.waitFor(tenantId, position),
      50,
    );
  };

  const stopSealing = startCheckpointSealing(stores.eventStore, (error) => {
    options.log?.warn({ error: String(error) }, 'checkpoint sealing failed');
  });

  return {
    stores,
    runtime,
    directory: createTenantDirectoryReader(stores.readStore.db),
    afterWrite,
    newId: randomUUID,
    close: async () => {
      stopSealing();
      await driver.stop();
      await runtime.close();
    },
  };
}
