import {
  START,
  type EventStore,
  type RecordedEvent,
} from '@roster/event-store';

export interface LogRange {
  /** Events read per batch. Default 5000. */
  readonly batchSize?: number;
  /** Start after this position. Default START. */
  readonly after?: string;
}

/**
 * A tenant's stored events in log order, batch by batch: the caller's
 * pace sets the reading pace, so memory stays at one batch.
 */
export async function* readTenantLog(
  store: EventStore,
  tenantId: string,
  range: LogRange = {},
): AsyncGenerator<readonly RecordedEvent[]> {
  const limit = range.batchSize ?? 5000;
  let from = range.after ?? START;

  for (;;) {
    const batch = await store.readAll({ from, limit, tenantId });
    if (batch.events.length > 0) yield batch.events;
    if (batch.events.length < limit || batch.next === from) return;
    from = batch.next;
  }
}
