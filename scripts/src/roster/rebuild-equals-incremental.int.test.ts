import { performance } from 'node:perf_hooks';
import { rosterProjections } from '../../../packages/composition/src/index';
import {
  createEventStore,
  type EventStore,
} from '../../../packages/event-store/src/index';
import {
  createProjectionRuntime,
  type ProjectionRuntime,
  type RegisteredProjection,
} from '../../../packages/projection-runtime/src/index';
import {
  activeSchemaOf,
  openReadStore,
  type ReadStore,
} from '../../../packages/read-store/src/index';
import {
  createTestDatabase,
  type TestDatabase,
} from '../../../packages/read-store/src/testing/index';
import {
  createPgClient,
  type SqlClient,
} from '../../../packages/sql/src/index';
import { eventsAppliedIn } from '../../../packages/projection-runtime/src/rebuild-progress';
import { chunkAppends } from '../../../projections/scim-resources/src/testing/index';
import { compareSchemas, copySchema, generateRosterLog } from './testing';

jest.setTimeout(600_000);

// Another size for local runs only; CI runs the 100,000.
const EVENTS = Number(process.env['ROSTER_REBUILD_TEST_EVENTS'] ?? 100_000);

/** Counts change notices, one per committed batch: batching decides it. */
const BATCH_DEPENDENT = { permission_versions: ['version'] };

let database: TestDatabase;
let client: SqlClient;
let store: EventStore;
let readStore: ReadStore;
const timings: Record<string, number> = {};
const rowCounts: Record<string, number> = {};

beforeEach(async () => {
  database = await createTestDatabase();
  client = createPgClient(database.url);
  store = await createEventStore({ kind: 'sql', client });
  readStore = await openReadStore({ client });
});

afterEach(async () => {
  await client.close();
  await database.drop();
});

afterAll(() => {
  const figures = JSON.stringify({ ms: timings, rows: rowCounts });
  process.stdout.write(`rebuild-equals-incremental ${figures}\n`);
});

/** Adds the time `run` takes to `timings[label]`. */
async function timed<T>(label: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await run();
  } finally {
    const ms = Math.round(performance.now() - started);
    timings[label] = (timings[label] ?? 0) + ms;
  }
}

function runtimeWith(
  projections: readonly RegisteredProjection[],
  batchSize: number,
): ProjectionRuntime {
  return createProjectionRuntime({
    store,
    readStore,
    projections,
    partitions: 8,
    batchSize,
    observer: {
      batchCommitted: (sample) => {
        const key = `apply ${sample.projection} (${batchSize})`;
        timings[key] = (timings[key] ?? 0) + Math.round(sample.applyMs);
      },
    },
  });
}

/** Appends the log in large chunks, catching up in small batches after each. */
async function buildIncrementally(
  runtime: ProjectionRuntime,
  log: ReturnType<typeof generateRosterLog>,
): Promise<void> {
  for (const chunk of chunkAppends(log, 100)) {
    await timed('append', async () => {
      await store.appendMany(chunk);
    });
    const results = await Promise.all(
      runtime.units().map((unit) => runtime.catchUp(unit)),
    );
    if (results.some((r) => r.state !== 'caught-up')) {
      const stopped = (await runtime.status()).filter((s) => s.failure);
      expect(stopped.map((s) => [s.projection, s.failure?.error])).toEqual([]);
    }
  }
}

/**
 * Catches up until each projection has applied all `events`: an event held
 * back by another session's open transaction is read by a later catch-up.
 */
async function catchUpFully(
  runtime: ProjectionRuntime,
  projections: readonly RegisteredProjection[],
  events: number,
): Promise<void> {
  for (;;) {
    await Promise.all(runtime.units().map((unit) => runtime.catchUp(unit)));
    const applied = await Promise.all(
      projections.map(async (projection) => {
        const schema = await activeSchemaOf(readStore.db, projection.name);
        return eventsAppliedIn(readStore.db, schema!);
      }),
    );
    if (applied.every((count) => count >= events)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Builds `projections` in batches of 100 while the log is appended, copies
 * each active schema, rebuilds it in batches of 2000 and compares.
 */
async function expectRebuildEqualsIncremental(
  projections: readonly RegisteredProjection[],
): Promise<void> {
  const log = generateRosterLog({ seed: 7, events: EVENTS, tenants: 12 });
  const incremental = runtimeWith(projections, 100);
  await incremental.start();
  const events = log.reduce((sum, request) => sum + request.events.length, 0);
  await timed('incremental', async () => {
    await buildIncrementally(incremental, log);
    await catchUpFully(incremental, projections, events);
  });
  await incremental.close();

  const rebuilder = runtimeWith(projections, 2000);
  await rebuilder.start();
  const compared = [];
  for (const projection of projections) {
    const before = await activeSchemaOf(readStore.db, projection.name);
    const copy = `incremental_${projection.name}`;
    await copySchema(readStore.db, before!, copy);
    const rebuilt = await timed(`rebuild ${projection.name}`, () =>
      rebuilder.rebuild(projection.name),
    );
    const tables = await timed(`compare ${projection.name}`, () =>
      compareSchemas(readStore.db, copy, rebuilt.schema, BATCH_DEPENDENT),
    );
    compared.push({ before: before!, rebuilt, tables });
  }
  await rebuilder.close();

  expect(events).toBeGreaterThanOrEqual(EVENTS);
  for (const { before, rebuilt, tables } of compared) {
    expect(rebuilt.dropped).toEqual([before]);
    expect(rebuilt.applied).toBe(events);
    expect(tables.length).toBeGreaterThan(0);
    for (const table of tables) {
      expect({ ...table, onlyLeft: 0, onlyRight: 0 }).toEqual(table);
    }
  }
  for (const { rebuilt, tables } of compared) {
    for (const t of tables)
      rowCounts[`${rebuilt.projection}.${t.table}`] = t.rows;
  }
}

const [directory, scim, permissions] = [
  'tenant_directory',
  'scim_resources',
  'effective_permissions',
].map((name) => rosterProjections.find((p) => p.name === name)!);

it('a rebuild equals the incremental build: tenant directory and SCIM resources, 100,000 events', async () => {
  await expectRebuildEqualsIncremental([directory!, scim!]);
});

// TODO(limit): effective permissions at 100,000 events takes about 12
// minutes here (see the projection-runtime README), far over a test's
// budget; it runs with ROSTER_SLOW_TESTS=1 until its batching is faster.
const slow = process.env['ROSTER_SLOW_TESTS'] === '1' ? it : it.skip;
slow(
  'a rebuild equals the incremental build: effective permissions, 100,000 events',
  async () => {
    await expectRebuildEqualsIncremental([permissions!]);
  },
);
