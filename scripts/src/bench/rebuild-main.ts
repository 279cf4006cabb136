// Child process of scenario 5: append a generated log, rebuild every
// projection from position zero, print a JSON line of figures per step.
// Usage: rebuild-main.ts <events> [--postgres <url>] [--data-dir <dir>]
import { performance } from 'node:perf_hooks';
import { createEventStore } from '../../../packages/event-store/src/index';
import { createProjectionRuntime } from '../../../packages/projection-runtime/src/index';
import { openReadStore } from '../../../packages/read-store/src/index';
import {
  createPgClient,
  createPgliteClient,
} from '../../../packages/sql/src/index';
import { effectivePermissionsProjection } from '../../../projections/effective-permissions/src/index';
import { scimResourcesProjection } from '../../../projections/scim-resources/src/index';
import {
  chunkAppends,
  generateScimLog,
} from '../../../projections/scim-resources/src/testing/index';
import { tenantDirectoryProjection } from '../../../projections/tenant-directory/src/index';

const projections = [
  tenantDirectoryProjection,
  scimResourcesProjection,
  effectivePermissionsProjection,
];

async function main(): Promise<void> {
  const events = Number(process.argv[2] ?? 100_000);
  const client = await openClient();
  const store = await createEventStore({ kind: 'sql', client });
  const readStore = await openReadStore({ client });

  const log = generateScimLog({ seed: 5, events, tenants: 20 });
  const count = log.reduce((sum, request) => sum + request.events.length, 0);
  let started = performance.now();
  for (const chunk of chunkAppends(log, 2000)) await store.appendMany(chunk);
  const appendS = (performance.now() - started) / 1000;
  log.length = 0;

  const runtime = createProjectionRuntime({
    store,
    readStore,
    projections,
    partitions: 8,
    batchSize: 5000,
  });
  await runtime.start();

  const figures: Record<string, number> = {
    events: count,
    'append.s': appendS,
    'rebuild.startedAt': Date.now(),
  };
  cpuAtRebuild = process.cpuUsage();
  report(figures);
  started = performance.now();
  for (const projection of projections) {
    const one = performance.now();
    await runtime.rebuild(projection.name);
    figures[`${projection.name}.s`] = (performance.now() - one) / 1000;
    report(figures);
  }
  figures['rebuild.s'] = (performance.now() - started) / 1000;
  figures['events/s'] = count / figures['rebuild.s'];

  report(figures);
  await runtime.close();
  await client.close();
}

/** One line per finished step; the parent reads the last one. */
/** CPU of the rebuild alone, not of the appends before it. */
let cpuAtRebuild: NodeJS.CpuUsage | undefined;

function report(figures: Record<string, number>): void {
  const { user, system } = process.cpuUsage(cpuAtRebuild);
  const cpu = cpuAtRebuild ? { 'cpu.s': (user + system) / 1e6 } : {};
  process.stdout.write(`${JSON.stringify({ ...figures, ...cpu })}\n`);
}

function openClient() {
  const at = (flag: string) => {
    const index = process.argv.indexOf(flag);
    return index > 0 ? process.argv[index + 1] : undefined;
  };
  const url = at('--postgres');
  if (url) return Promise.resolve(createPgClient(url));
  const dataDir = at('--data-dir');
  return createPgliteClient(dataDir ? { dataDir } : {});
}

await main();
