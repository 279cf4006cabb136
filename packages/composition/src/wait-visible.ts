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

  // TODO(limit): the runtime's waiter does not LISTEN again after its
  // connection dropped; until it does, checkpoints are polled after 1 s.
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
