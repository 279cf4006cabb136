import { hashEventText } from '@roster/domain';
import type { EventStore } from '@roster/event-store';
import { appendCheckpoint } from './append-checkpoint';
import { TenantHeads } from './tenant-heads';

export interface SealResult {
  readonly sealed: boolean;
  readonly streams: number;
  readonly lastPosition: string;
}

/**
 * Reads a tenant's whole log and seals a checkpoint over its stream heads;
 * a tenant without events is not sealed.
 */
export async function sealCheckpoint(
  store: EventStore,
  tenantId: string,
  now: Date = new Date(),
): Promise<SealResult> {
  const heads = new TenantHeads(tenantId);
  for await (const page of store.readLog({ tenantId })) {
    for (const event of page) heads.addHashed(event, hashEventText(event));
  }

  const summary = {
    streams: heads.heads.size,
    lastPosition: heads.lastPosition,
  };
  if (!heads.dirty) return { sealed: false, ...summary };

  await appendCheckpoint(store, heads, now);
  return { sealed: true, ...summary };
}
