export interface PoolOptions {
  /** Work items, numbered 0..count-1. */
  readonly count: number;
  readonly concurrency: number;
  /** Stop taking new items after this many ms. */
  readonly maxMs: number;
  readonly onDone?: (done: number) => void;
}

/**
 * Runs `work(i, lane)` for every i with bounded concurrency and bounded time.
 * Resolves with how many items ran.
 */
export async function runPool(
  options: PoolOptions,
  work: (index: number, lane: number) => Promise<void>,
): Promise<number> {
  const deadline = Date.now() + options.maxMs;
  let next = 0;
  let done = 0;

  const lane = async (_: unknown, laneIndex: number) => {
    while (next < options.count && Date.now() < deadline) {
      const index = next++;
      await work(index, laneIndex);
      done++;
      options.onDone?.(done);
    }
  };

  const lanes = Math.min(options.concurrency, options.count);
  await Promise.all(Array.from({ length: lanes }, lane));
  return done;
}
