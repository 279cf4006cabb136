export interface CoalesceOptions {
  /** Statements running at once; more submissions wait and merge. */
  readonly maxInFlight: number;
  /** Most items merged into one statement (a submission is never split). */
  readonly maxItems: number;
}

interface Submission<T, R> {
  readonly items: readonly T[];
  resolve(results: R[]): void;
  reject(error: unknown): void;
}

/**
 * Merges the submissions that arrive while `maxInFlight` statements run
 * (or within one turn of the event loop) into one call of `execute`.
 * A submission only ever joins a call that starts after it arrived, so
 * it reads what was committed before it was made. `execute` answers one
 * result per item, in order; its failure fails every merged submission.
 */
export function coalesce<T, R>(
  execute: (items: readonly T[]) => Promise<R[]>,
  options: CoalesceOptions,
): (items: readonly T[]) => Promise<R[]> {
  const queue: Submission<T, R>[] = [];
  let inFlight = 0;
  let scheduled = false;

  const flush = (): void => {
    scheduled = false;
    while (inFlight < options.maxInFlight && queue.length > 0) {
      start(queue.splice(0, countFitting(queue, options.maxItems)));
    }
  };

  // The next merged call starts before this one's answers are handed out.
  const done = (): void => {
    inFlight -= 1;
    flush();
  };

  const start = (batch: Submission<T, R>[]): void => {
    inFlight += 1;
    const items = batch.flatMap((submission) => submission.items);
    execute(items).then(
      (results) => {
        done();
        settle(batch, results);
      },
      (error: unknown) => {
        done();
        for (const submission of batch) submission.reject(error);
      },
    );
  };

  return (items) =>
    new Promise<R[]>((resolve, reject) => {
      queue.push({ items, resolve, reject });
      if (scheduled) return;
      scheduled = true;
      setImmediate(flush);
    });
}

/** How many queued submissions fit in one call; always at least one. */
function countFitting<T, R>(
  queue: readonly Submission<T, R>[],
  maxItems: number,
): number {
  let count = 0;
  let items = 0;
  for (const submission of queue) {
    items += submission.items.length;
    if (count > 0 && items > maxItems) break;
    count += 1;
  }
  return count;
}

function settle<T, R>(batch: readonly Submission<T, R>[], results: R[]): void {
  let at = 0;
  for (const submission of batch) {
    const end = at + submission.items.length;
    submission.resolve(results.slice(at, end));
    at = end;
  }
}
