import type { EventStore, StoredEvent } from '@roster/event-store';
import type { ExportFilter } from './export-filter';

/**
 * A tenant's stored events in log order, one page at a time, filtered by
 * the store. Data stays in its stored form: sealed personal data stays
 * sealed, so the export verifies offline and carries no readable
 * personal data.
 */
export function exportRecords(
  store: EventStore,
  tenantId: string,
  filter: ExportFilter = {},
  batchSize = 5000,
): AsyncIterable<readonly StoredEvent[]> {
  return store.readLog({ tenantId, ...filter, pageSize: batchSize });
}
