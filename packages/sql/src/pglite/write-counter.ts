/**
 * Lets a cache of answers know that nothing was written since it read
 * them. Only a client that runs every statement of its database has one:
 * PGlite, which one process holds locked.
 */
export interface WriteCounter {
  /** Moves when a statement that may write starts, and when it ends. */
  readonly writes: number;
  /** Statements that may write, running or waiting their turn now. */
  readonly writing: number;
}

/** A WriteCounter, and the wrapper that counts one statement in it. */
export interface CountedWrites {
  readonly counter: WriteCounter;
  readonly count: <T>(run: () => Promise<T>) => Promise<T>;
}

export function countedWrites(): CountedWrites {
  const counter = { writes: 0, writing: 0 };

  const count = async <T>(run: () => Promise<T>): Promise<T> => {
    counter.writes += 1;
    counter.writing += 1;
    try {
      return await run();
    } finally {
      counter.writing -= 1;
      counter.writes += 1;
    }
  };

  return { counter, count };
}
