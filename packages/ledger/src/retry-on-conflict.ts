import { WrongExpectedVersionError } from '@roster/event-store';

export interface RetryOptions {
  /** Attempts in all, the first included. Default 64. */
  readonly attempts?: number;
}

/**
 * Re-runs load-decide-commit when another writer got there first. The run
 * must re-read everything it decides on.
 */
export async function retryOnConflict<T>(
  run: () => Promise<T>,
  options: RetryOptions = {},
): Promise<T> {
  const attempts = options.attempts ?? 64;

  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (
        !(error instanceof WrongExpectedVersionError) ||
        attempt >= attempts
      ) {
        throw error;
      }
      await pause(attempt);
    }
  }
}

function pause(attempt: number): Promise<void> {
  // Full jitter: contenders spread out instead of colliding again.
  const ms = Math.random() * Math.min(200, 2 ** attempt);
  return new Promise((resolve) => setTimeout(resolve, ms));
}
