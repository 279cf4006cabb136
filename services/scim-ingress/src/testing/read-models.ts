import { openStores, rosterProjections } from '@roster/composition';
import type { EventStore } from '@roster/event-store';
import { streams } from '@roster/ledger';
import { createProjectionRuntime } from '@roster/projection-runtime';
import type { ProjectionRuntime } from '@roster/projection-runtime';
import { dumpScimTables } from '@roster/projection-scim-resources/testing';
import { activeSchemaOf } from '@roster/read-store';
import type { ReadStore } from '@roster/read-store';
import type { SqlClient } from '@roster/sql';

/** A test's own view of a topology's database: no unit is run here. */
export interface Inspector {
  readonly client: SqlClient;
  readonly store: EventStore;
  readonly readStore: ReadStore;
  readonly runtime: ProjectionRuntime;
  close(): Promise<void>;
}

/** Opens the stores as the services do (same codec, same migrations). */
export async function openInspector(databaseUrl: string): Promise<Inspector> {
  const stores = await openStores({
    mode: 'production',
    eventStore: 'postgres',
    DATABASE_URL: databaseUrl,
    KURRENTDB_URL: undefined,
    dataDir: undefined,
  });
  const store = stores.eventStore;
  const readStore = stores.readStore;
  const runtime = createProjectionRuntime({
    store,
    readStore,
    projections: rosterProjections,
  });
  await runtime.start();

  return {
    client: readStore.client,
    store,
    readStore,
    runtime,
    close: async () => {
      await runtime.close();
      await stores.close();
    },
  };
}

/** Waits until no active unit has events left to apply. */
export async function waitForNoLag(
  inspector: Inspector,
  timeoutMs = 90_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const statuses = await inspector.runtime.status().catch(() => null);
    const lagging = statuses?.filter(
      (s) => s.state === 'active' && s.lagEvents > 0,
    );
    if (lagging?.length === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error('projections did not catch up');
}

/** The scim-resources read model now, and the same built from zero. */
export async function compareWithRebuild(inspector: Inspector) {
  const { db } = inspector.readStore;
  const active = await activeSchemaOf(db, 'scim_resources');
  const served = await dumpScimTables(db, active ?? '');
  const rebuilt = await inspector.runtime.rebuild('scim_resources');
  const clean = await dumpScimTables(db, rebuilt.schema);
  return { served, clean };
}

/** How many UserProvisioned events each user stream of a tenant holds. */
export async function provisionedCounts(
  inspector: Inspector,
  tenantId: string,
): Promise<(userId: string) => number> {
  const { rows } = await inspector.client.query<{ stream: string; n: number }>(
    `SELECT stream, count(*)::int AS n FROM es_events
      WHERE tenant_id = $1 AND type = 'UserProvisioned' GROUP BY stream`,
    [tenantId],
  );
  const counts = new Map(rows.map((row) => [row.stream, row.n]));
  return (userId) => counts.get(streams.user(tenantId, userId)) ?? 0;
}
