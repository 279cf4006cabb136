import { createCheckpointSealer } from '@roster/audit';
import type { EventStore } from '@roster/event-store';

/** How often each tenant's Merkle checkpoint is sealed, if it moved. */
export const SEAL_INTERVAL_MS = 5 * 60_000;

/**
 * Seals checkpoints every `intervalMs` until the returned function is
 * called. Several processes may seal at once: the first append wins and
 * the others yield. Failures go to `onError` and the next round retries.
 */
export function startCheckpointSealing(
  store: EventStore,
  onError: (error: unknown) => void,
  intervalMs = SEAL_INTERVAL_MS,
): () => void {
  const sealer = createCheckpointSealer(store);
  const sealing = setInterval(() => {
    sealer.sealDue().catch(onError);
  }, intervalMs);
  sealing.unref();
  return () => clearInterval(sealing);
}
