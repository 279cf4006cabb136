/**
 * The partition of a tenant: FNV-1a (32 bit) of its id, modulo `count`.
 * The event store's readAll partition filter must use the same function.
 */
export function partitionOfTenant(tenantId: string, count: number): number {
  return tenantHash(tenantId) % count;
}

// TODO(limit): mirrors tenantPartition of @roster/event-store until it is
// exported; then this re-exports it.
/** FNV-1a over the UTF-16 code units (tenant ids are ASCII), unsigned. */
export function tenantHash(tenantId: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < tenantId.length; index += 1) {
    hash ^= tenantId.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
