import {
  START,
  type EventStore,
  type ReadAllBatch,
  type RecordedEvent,
} from '@roster/event-store';

export interface LogRange {
  /** Events read per batch. Default 5000. */
  readonly batchSize?: number;
  /** Start after this position. Default START. */
  readonly after?: string;
}

/**
 * A tenant's stored events in log order, batch by batch. The next batch
 * is read while the caller works on the current one, never further ahead,
 * so memory stays at two batches.
 */
// TODO(limit): bound by readAll (about 33,000 events/s on 2 cores); a
// cursor with jsonb as text would be faster.
export async function* readTenantLog(
  store: EventStore,
  tenantId: string,
  range: LogRange = {},
): AsyncGenerator<readonly RecordedEvent[]> {
  const limit = range.batchSize ?? 5000;
  const read = (from: string) => store.readAll({ from, limit, tenantId });
  let from = range.after ?? START;
  let pending: Promise<ReadAllBatch> = read(from);

  try {
    for (;;) {
      const batch = await pending;
      const more = batch.events.length === limit && batch.next !== from;
      from = batch.next;
      if (more) pending = read(from);

      if (batch.events.length > 0) yield batch.events;
      if (!more) return;
    }
  } finally {
    // A caller that stopped early no longer wants the read ahead.
    pending.catch(() => undefined);
  }
}
