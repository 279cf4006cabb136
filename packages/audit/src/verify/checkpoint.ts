import { eventSchemas } from '@roster/domain';
import type { AuditRecord } from '../audit-record';

/** A sealed checkpoint as the verifier compares it. */
export interface Checkpoint {
  readonly revision: number;
  readonly eventId: string;
  readonly stream: string;
  readonly root: string;
  readonly streams: number;
  readonly lastPosition: string;
}

/** The checkpoints among stored events, oldest first; others are ignored. */
export function checkpointsOf(
  records: Iterable<
    Pick<AuditRecord, 'stream' | 'revision' | 'id' | 'type' | 'data'>
  >,
): Checkpoint[] {
  const found: Checkpoint[] = [];
  for (const record of records) {
    if (record.type !== 'AuditCheckpointSealed') continue;

    const parsed = eventSchemas.AuditCheckpointSealed.safeParse(record.data);
    if (!parsed.success) continue;
    found.push({
      revision: record.revision,
      eventId: record.id,
      stream: record.stream,
      ...parsed.data,
    });
  }
  return found.sort((a, b) => compare(a.lastPosition, b.lastPosition));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
