import { tenantPartition } from '@roster/event-store';

/**
 * The partition of a tenant, as the event store's readAll partition filter
 * computes it (FNV-1a of the tenant id, modulo `count`).
 */
export function partitionOfTenant(tenantId: string, count: number): number {
  return tenantPartition(tenantId, count);
}
