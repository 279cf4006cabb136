// The load generator of check-load.ts in a process of its own:
//   node --import tsx check-load-main.ts <spec.json> <result.json>
import { readFile, writeFile } from 'node:fs/promises';
import {
  runClosedLoad,
  runSteadyLoad,
  type LoadSink,
} from './check-load-loops';
import type { LoadResult, LoadSpec } from './check-load';

/** Keeps every latency and the first few failures, to hand back. */
function collector(): LoadSink & { result(): Omit<LoadResult, 'outcome'> } {
  const samples: number[] = [];
  const failures: string[] = [];
  let failed = 0;
  return {
    record: (_label, ms) => void samples.push(ms),
    fail: (_label, why) => {
      failed++;
      if (failures.length < 5) failures.push(why);
    },
    result: () => ({ samples, failures, failed }),
  };
}

async function main(): Promise<void> {
  const [specPath, resultPath] = process.argv.slice(2);
  if (!specPath || !resultPath) throw new Error('usage: <spec> <result>');
  const spec = JSON.parse(await readFile(specPath, 'utf8')) as LoadSpec;

  const sink = collector();
  const outcome =
    spec.kind === 'closed'
      ? await runClosedLoad(spec.load, sink)
      : await runSteadyLoad(spec.load, sink);

  const result: LoadResult = { outcome, ...sink.result() };
  await writeFile(resultPath, JSON.stringify(result));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
