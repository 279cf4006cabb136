import type { WriteCounter } from '@roster/sql';

/** Most answers kept; past it the oldest goes. */
const MOST_ANSWERS = 50_000;

/** Answers kept only while nothing has been written since they were read. */
export interface ExactAnswers<R> {
  get(key: string): R | undefined;
  /** Taken before a read; undefined while a write runs (keep nothing). */
  mark(): number | undefined;
  /** Keeps an answer of a read marked `mark`, if no write came since. */
  keep(mark: number | undefined, key: string, answer: R): void;
}

// TODO(limit): any write empties the answers of every tenant, so under a
// steady stream of SCIM writes most checks run a statement again.
/**
 * Every write of the database moves `counter`, so an answer read with no
 * write started or ended since is the answer a read would give now. All
 * answers go at the first write, whatever it changed.
 */
export function exactAnswers<R>(
  counter: WriteCounter,
  most = MOST_ANSWERS,
): ExactAnswers<R> {
  const answers = new Map<string, R>();
  let readAt = counter.writes;

  const quiet = (): boolean => {
    if (counter.writing > 0) return false;
    if (counter.writes !== readAt) {
      answers.clear();
      readAt = counter.writes;
    }
    return true;
  };

  return {
    get: (key) => (quiet() ? answers.get(key) : undefined),
    mark: () => (quiet() ? counter.writes : undefined),
    keep: (mark, key, answer) => {
      if (mark === undefined || !quiet() || mark !== readAt) return;

      if (answers.size >= most) {
        const oldest = answers.keys().next();
        if (!oldest.done) answers.delete(oldest.value);
      }
      answers.set(key, answer);
    },
  };
}
