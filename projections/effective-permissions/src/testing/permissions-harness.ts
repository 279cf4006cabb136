import { randomUUID } from 'node:crypto';
import { setTimeout as nextTurn } from 'node:timers/promises';
import { createEventStore } from '@roster/event-store';
import type { EventStore, Position } from '@roster/event-store';
import type { CommandContext } from '@roster/ledger';
import { runTenantCommand } from '@roster/ledger';
import {
  createEmbeddedDriver,
  createProjectionRuntime,
  type ProjectionRuntime,
  type RegisteredProjection,
} from '@roster/projection-runtime';
import { openReadStore, type ReadStore } from '@roster/read-store';
import {
  createPgClient,
  createPgliteClient,
  type SqlClient,
} from '@roster/sql';
import { effectivePermissionsProjection } from '../effective-permissions-projection';

/** A running ledger + runtime + read store for tests and benchmarks. */
export interface PermissionsHarness {
  readonly client: SqlClient;
  readonly store: EventStore;
  readonly readStore: ReadStore;
  readonly runtime: ProjectionRuntime;
  /**
   * Wakes the projections, then waits for read-your-writes and, over
   * PGlite, for the statements they set off, so the next check is kept.
   */
  readonly afterWrite: (tenantId: string, position: Position) => Promise<void>;
  /** A command context of an admin of `tenantId`. */
  ctx(tenantId: string): CommandContext;
  /** Creates a tenant and returns its id. */
  tenant(id?: string): Promise<string>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** A PostgreSQL URL; PGlite in memory when absent. */
  readonly url?: string;
  /** More projections to run next to effective-permissions. */
  readonly projections?: readonly RegisteredProjection[];
  /** How long afterWrite waits, ms. Default 10000. */
  readonly consistencyTimeoutMs?: number;
}

export async function openPermissionsHarness(
  options: HarnessOptions = {},
): Promise<PermissionsHarness> {
  const client = options.url
    ? createPgClient(options.url)
    : await createPgliteClient();
  const store = await createEventStore({ kind: 'sql', client });
  const readStore = await openReadStore({ client });
  const runtime = createProjectionRuntime({
    store,
    readStore,
    projections: [
      effectivePermissionsProjection,
      ...(options.projections ?? []),
    ],
    partitions: 2,
    consistencyTimeoutMs: options.consistencyTimeoutMs ?? 10_000,
  });
  await runtime.start();
  const driver = createEmbeddedDriver(runtime, { sweepMs: 60_000 });
  await driver.start();

  const afterWrite = async (tenantId: string, position: Position) => {
    await driver.waker.wake(tenantId);
    // An event held back by another transaction of the cluster (xmin) is
    // read by no catch-up until the next wake: wake again until it is.
    const rewake = setInterval(() => void driver.waker.wake(tenantId), 25);
    try {
      await runtime.waitFor(tenantId, position);
    } finally {
      clearInterval(rewake);
    }
    await writesEnded(client);
  };
  const ctx = (tenantId: string): CommandContext => ({
    store,
    tenantId,
    newId: randomUUID,
    request: {
      tenantId,
      actor: { kind: 'admin', id: 'test' },
      requestId: randomUUID(),
      correlationId: randomUUID(),
    },
  });

  return {
    client,
    store,
    readStore,
    runtime,
    afterWrite,
    ctx,
    tenant: async (id = `t-${randomUUID().slice(0, 8)}`) => {
      const result = await runTenantCommand(ctx(id), {
        type: 'CreateTenant',
        tenantId: id,
        name: id,
      });
      await afterWrite(id, result.position);
      return id;
    },
    close: async () => {
      await driver.stop();
      await runtime.close();
      await client.close();
    },
  };
}

/** Resolves once no write of `client` runs (PGlite counts them). */
async function writesEnded(client: SqlClient): Promise<void> {
  while ((client.writeCounter?.writing ?? 0) > 0) await nextTurn(1);
}
