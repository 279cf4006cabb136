import type { EventStore } from '@roster/event-store';
import { commit, loadStream, type CommitResult } from '@roster/ledger';
import { randomUUID } from 'node:crypto';
import { auditStream } from '../audit-stream';
import { merkleRoot } from '../merkle-root';
import type { TenantHeads } from './tenant-heads';

const asIs = { initialState: null, evolve: () => null };

/** Appends AuditCheckpointSealed for the heads to `tenant:<t>:audit`. */
export async function appendCheckpoint(
  store: EventStore,
  heads: TenantHeads,
  now: Date,
): Promise<CommitResult> {
  const { tenantId } = heads;
  const loaded = await loadStream(store, auditStream(tenantId), asIs);
  const data = {
    root: merkleRoot(heads.heads.values()),
    streams: heads.heads.size,
    lastPosition: heads.lastPosition,
    sealedAt: now.toISOString(),
  };

  const requestId = randomUUID();
  const context = {
    tenantId,
    actor: { kind: 'system' as const, id: 'audit-checkpoint' },
    requestId,
    correlationId: requestId,
  };
  const events = [{ type: 'AuditCheckpointSealed' as const, data }];
  return commit(store, [{ loaded, events }], context, now);
}
