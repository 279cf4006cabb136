import {
  START,
  WrongExpectedVersionError,
  type EventStore,
} from '@roster/event-store';
import { appendCheckpoint } from './append-checkpoint';
import { TenantHeads } from './tenant-heads';

export interface CheckpointSealer {
  /** Reads what is new and seals every tenant that moved; returns how many. */
  sealDue(now?: Date): Promise<number>;
}

/**
 * Seals checkpoints incrementally: it follows the whole log from where it
 * last read and keeps each tenant's heads in memory.
 */
// TODO(limit): every tenant's heads stay in memory; a start reads the
// whole log.
export function createCheckpointSealer(
  store: EventStore,
  batchSize = 5000,
): CheckpointSealer {
  const tenants = new Map<string, TenantHeads>();
  let from = START;

  const readNew = async (): Promise<void> => {
    for (;;) {
      const batch = await store.readAll({ from, limit: batchSize });
      for (const event of batch.events) headsOf(event.tenantId).add(event);

      const done = batch.events.length < batchSize || batch.next === from;
      from = batch.next;
      if (done) return;
    }
  };
  const headsOf = (tenantId: string): TenantHeads => {
    const found = tenants.get(tenantId) ?? new TenantHeads(tenantId);
    tenants.set(tenantId, found);
    return found;
  };

  return {
    sealDue: async (now = new Date()) => {
      await readNew();

      let sealed = 0;
      for (const heads of tenants.values()) {
        if (!heads.dirty) continue;
        heads.dirty = false;
        sealed += (await sealOrYield(store, heads, now)) ? 1 : 0;
      }
      return sealed;
    },
  };
}

/** Another sealer appending first is fine: the tenant is sealed. */
async function sealOrYield(
  store: EventStore,
  heads: TenantHeads,
  now: Date,
): Promise<boolean> {
  try {
    await appendCheckpoint(store, heads, now);
    return true;
  } catch (error) {
    if (error instanceof WrongExpectedVersionError) return false;
    throw error;
  }
}
