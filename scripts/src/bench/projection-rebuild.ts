// Rebuild throughput into scim-resources and catch-up lag after a write.
// Usage: pnpm exec tsx scripts/src/bench/projection-rebuild.ts [events]
//   [--postgres <url>]   (default: embedded PGlite in memory)
import { performance } from 'node:perf_hooks';
import { createEventStore } from '../../../packages/event-store/src/index';
import {
  createEmbeddedDriver,
  createProjectionRuntime,
} from '../../../packages/projection-runtime/src/index';
import { openReadStore } from '../../../packages/read-store/src/index';
import { appendOf } from '../../../packages/projection-runtime/src/testing/index';
import {
  createPgClient,
  createPgliteClient,
} from '../../../packages/sql/src/index';
import { scimResourcesProjection } from '../../../projections/scim-resources/src/index';
import {
  chunkAppends,
  generateScimLog,
} from '../../../projections/scim-resources/src/testing/index';

const events = Number(process.argv[2] ?? 100_000);
const urlIndex = process.argv.indexOf('--postgres');
const url = urlIndex > 0 ? process.argv[urlIndex + 1] : undefined;

const totals = { batches: 0, readMs: 0, applyMs: 0 };

async function main(): Promise<void> {
  const client = url ? createPgClient(url) : await createPgliteClient();
  const store = await createEventStore({ kind: 'sql', client });
  const readStore = await openReadStore({ client });

  const log = generateScimLog({ seed: 11, events, tenants: 16 });
  let started = performance.now();
  for (const chunk of chunkAppends(log, 2000)) await store.appendMany(chunk);
  const appendMs = performance.now() - started;
  const count = log.reduce((sum, request) => sum + request.events.length, 0);
  console.log(`appended ${count} events in ${ms(appendMs)}`);

  const runtime = createProjectionRuntime({
    store,
    readStore,
    projections: [scimResourcesProjection],
    partitions: 8,
    batchSize: 5000,
    observer: {
      batchCommitted: (sample) => {
        totals.batches += 1;
        totals.readMs += sample.readMs;
        totals.applyMs += sample.applyMs;
      },
    },
  });
  await runtime.start();

  started = performance.now();
  const result = await runtime.rebuild('scim_resources');
  const rebuildMs = performance.now() - started;
  console.log(
    `rebuilt ${result.schema}: ${count} events in ${ms(rebuildMs)}` +
      ` (${Math.round(count / (rebuildMs / 1000))} events/s)`,
  );

  console.log(
    `  ${totals.batches} batches: reading ${ms(totals.readMs)},` +
      ` committing ${ms(totals.applyMs)}`,
  );

  await measureLag(store, runtime);
  await runtime.close();
  await client.close();
}

async function measureLag(
  store: Awaited<ReturnType<typeof createEventStore>>,
  runtime: ReturnType<typeof createProjectionRuntime>,
): Promise<void> {
  const driver = createEmbeddedDriver(runtime);
  await driver.start();

  const samples: number[] = [];
  for (let i = 0; i < 300; i++) {
    const tenant = `lag${i % 16}`;
    const userId = `lag-user-${i}`;
    const request = appendOf(tenant, `tenant:${tenant}:user:${userId}`, [
      {
        type: 'UserProvisioned',
        data: {
          userId,
          userName: userId,
          origin: 'scim',
          active: true,
          resource: { userName: userId },
        },
      },
    ]);
    const { position } = await store.append({
      ...request,
      expected: 'no-stream',
    });
    const woken = performance.now();
    await driver.waker.wake(tenant);
    await runtime.waitFor(tenant, position, 5000);
    samples.push(performance.now() - woken);
  }
  await driver.stop();

  samples.sort((a, b) => a - b);
  const at = (q: number) =>
    samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0;
  console.log(
    `catch-up lag after a write (${samples.length} writes): ` +
      `p50 ${at(0.5).toFixed(1)} ms, p99 ${at(0.99).toFixed(1)} ms, max ${at(1).toFixed(1)} ms`,
  );
}

function ms(value: number): string {
  return `${(value / 1000).toFixed(2)} s`;
}

await main();
