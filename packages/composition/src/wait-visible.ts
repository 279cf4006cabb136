import { ConsistencyTimeoutError } from '@roster/projection-runtime';
import type { ProjectionRuntime } from '@roster/projection-runtime';

/** How long the NOTIFY alone is trusted before checkpoints are re-read. */
const notifyFirstMs = 1000;
const pollMs = 250;

/**
 * Read-your-writes within `totalMs`: the runtime's NOTIFY-driven waitFor,
 * then short waits that each re-read the checkpoints first.
 * @throws ConsistencyTimeoutError once `totalMs` passed
 */
export async function waitVisible(
  runtime: Pick<ProjectionRuntime, 'waitFor'>,
  tenantId: string,
  position: string,
  totalMs: number,
): Promise<void> {
  const deadline = Date.now() + totalMs;
  let wait = Math.min(notifyFirstMs, totalMs);

  // A safety net for the seconds in which the waiter LISTENs again after
  // its connection dropped (backoff up to 5 s).
  for (;;) {
    try {
      await runtime.waitFor(tenantId, position, wait);
      return;
    } catch (error) {
      const left = deadline - Date.now();
      if (!(error instanceof ConsistencyTimeoutError) || left <= 0) throw error;
      wait = Math.max(1, Math.min(pollMs, left));
    }
  }
}
