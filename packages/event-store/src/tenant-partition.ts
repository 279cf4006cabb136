/**
 * The partition (0 <= p < count) that a tenant's events belong to: FNV-1a
 * (32 bit) of the tenant id, modulo count. Stable across adapters,
 * processes and versions, so a wake-up can be routed to its partition.
 */
export function tenantPartition(tenantId: string, count: number): number {
  if (!Number.isInteger(count) || count < 1) {
    throw new RangeError(
      `partition count must be a positive integer: ${count}`,
    );
  }
  return tenantHash(tenantId) % count;
}

/** FNV-1a over the UTF-16 code units; tenant ids are ASCII. */
export function tenantHash(tenantId: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < tenantId.length; index += 1) {
    hash ^= tenantId.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
