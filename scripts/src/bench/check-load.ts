import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startChild } from './child-server';
import type { LatencyRecorder } from './latency-recorder';
import type { CheckLoad, LoadOutcome, SteadyLoad } from './check-load-loops';

export type { CheckLoad, LoadOutcome, SteadyLoad } from './check-load-loops';

/**
 * The generator collects its garbage on its own thread, and never merely
 * because it went quiet: GC helper threads would take the cores that the
 * server under test needs, and the wait would show in the latencies.
 */
const generatorFlags = ['--single-threaded-gc', '--no-memory-reducer'];

export type LoadSpec =
  | { readonly kind: 'closed'; readonly load: CheckLoad }
  | { readonly kind: 'steady'; readonly load: SteadyLoad };

/** What the generator's process hands back. */
export interface LoadResult {
  readonly outcome: LoadOutcome;
  /** Latency of every counted answer, ms. */
  readonly samples: readonly number[];
  /** The first few reasons, of `failed` in all. */
  readonly failures: readonly string[];
  readonly failed: number;
}

/**
 * As many requests as `connections` clients can send, each waiting for
 * its answer before the next: the throughput of a saturated server.
 */
export function closedLoad(
  load: CheckLoad,
  recorder: LatencyRecorder,
): Promise<LoadOutcome> {
  return inOwnProcess({ kind: 'closed', load }, recorder);
}

/**
 * Requests at a fixed rate whether or not earlier ones were answered (an
 * open loop), each timed from the moment it was due; the first
 * `warmUpSeconds` are not counted.
 */
export function steadyLoad(
  load: SteadyLoad,
  recorder: LatencyRecorder,
): Promise<LoadOutcome> {
  return inOwnProcess({ kind: 'steady', load }, recorder);
}

/**
 * Runs the load in a node process of its own, so that it shares no event
 * loop or heap with the caller (which may host the server under test),
 * then puts its latencies and failures in `recorder`.
 */
async function inOwnProcess(
  spec: LoadSpec,
  recorder: LatencyRecorder,
): Promise<LoadOutcome> {
  const folder = await mkdtemp(join(tmpdir(), 'roster-check-load-'));
  try {
    const specPath = join(folder, 'spec.json');
    const resultPath = join(folder, 'result.json');
    await writeFile(specPath, JSON.stringify(spec));

    const child = startChild({
      entry: 'scripts/src/bench/check-load-main.ts',
      nodeFlags: generatorFlags,
      env: {},
      args: [specPath, resultPath],
    });
    const code = await child.exited;
    if (code !== 0) throw new Error(`load generator failed: ${child.output()}`);

    const result = JSON.parse(await readFile(resultPath, 'utf8')) as LoadResult;
    for (const ms of result.samples) recorder.record(spec.load.label, ms);
    for (let i = 0; i < result.failed; i++) {
      recorder.fail(spec.load.label, result.failures[i] ?? 'failed');
    }
    return result.outcome;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
