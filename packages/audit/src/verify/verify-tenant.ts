import { hashEventText } from '@roster/domain';
import type { EventStore, StoredEvent } from '@roster/event-store';
import { toAuditRecord } from '../audit-record';
import { auditStream } from '../audit-stream';
import { ChainVerifier, type ChainLink } from './chain-verifier';
import { checkpointsOf } from './checkpoint';
import type { VerifyReport } from './verify-report';

export interface VerifyProgress {
  (events: number): void;
}

/**
 * Verifies every stream chain of a tenant and every sealed checkpoint,
 * reading the stored (not decoded) events of `store` in log order.
 */
export async function verifyTenant(
  store: EventStore,
  tenantId: string,
  onProgress?: VerifyProgress,
): Promise<VerifyReport> {
  const sealed = await store.readStream(auditStream(tenantId));
  const verifier = new ChainVerifier(
    tenantId,
    checkpointsOf(sealed.map(toAuditRecord)),
  );

  let events = 0;
  for await (const page of store.readLog({ tenantId })) {
    for (const event of page)
      verifier.addLink(linkOf(event), hashEventText(event));
    events += page.length;
    onProgress?.(events);
  }
  return verifier.finish();
}

function linkOf(event: StoredEvent): ChainLink {
  const { position, stream, revision, id } = event;
  const metadata = JSON.parse(event.metadata) as {
    previousHash?: unknown;
  } | null;
  return {
    position,
    stream,
    revision,
    id,
    previousHash: metadata?.previousHash,
  };
}
