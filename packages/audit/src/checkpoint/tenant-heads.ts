import { hashEvent, type HashedFields } from '@roster/domain';
import { isSealedStream } from '../audit-stream';
import type { StreamHead } from '../merkle-root';

interface Positioned {
  readonly stream: string;
  readonly revision: number;
  readonly position: string;
}

/** The heads of one tenant's streams as far as its log was read. */
export class TenantHeads {
  readonly heads = new Map<string, StreamHead>();
  lastPosition = '';
  /** Whether a sealed stream moved since the last checkpoint. */
  dirty = false;

  constructor(readonly tenantId: string) {}

  add(event: HashedFields & { readonly position: string }): void {
    this.addHashed(event, hashEvent(event));
  }

  /** The same, for an event hashed by the caller (`hashEventText`). */
  addHashed(event: Positioned, hash: string): void {
    if (!isSealedStream(event.stream, this.tenantId)) return;

    this.heads.set(event.stream, {
      stream: event.stream,
      revision: event.revision,
      hash,
    });
    this.lastPosition = event.position;
    this.dirty = true;
  }
}
