import { hashEvent } from '@roster/domain';
import type { RecordedEvent } from '@roster/event-store';
import { isSealedStream } from '../audit-stream';
import type { StreamHead } from '../merkle-root';

/** The heads of one tenant's streams as far as its log was read. */
export class TenantHeads {
  readonly heads = new Map<string, StreamHead>();
  lastPosition = '';
  /** Whether a sealed stream moved since the last checkpoint. */
  dirty = false;

  constructor(readonly tenantId: string) {}

  add(event: RecordedEvent): void {
    if (!isSealedStream(event.stream, this.tenantId)) return;

    this.heads.set(event.stream, {
      stream: event.stream,
      revision: event.revision,
      hash: hashEvent(event),
    });
    this.lastPosition = event.position;
    this.dirty = true;
  }
}
