import type { EventStore } from '@roster/event-store';
import { toAuditRecord } from '../audit-record';
import { auditStream } from '../audit-stream';
import { readTenantLog } from '../read-tenant-log';
import { ChainVerifier } from './chain-verifier';
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
  for await (const batch of readTenantLog(store, tenantId)) {
    for (const event of batch) verifier.add(event);
    events += batch.length;
    onProgress?.(events);
  }
  return verifier.finish();
}
