import { streamName } from '@roster/event-store';

/** The stream of a tenant's checkpoints: `tenant:<t>:audit`. */
export function auditStream(tenantId: string): string {
  return streamName(tenantId, 'audit');
}

/** Streams a checkpoint covers: every stream but the audit stream. */
export function isSealedStream(stream: string, tenantId: string): boolean {
  return stream !== auditStream(tenantId);
}
