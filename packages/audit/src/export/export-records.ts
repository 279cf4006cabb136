import type { EventStore } from '@roster/event-store';
import { toAuditRecord, type AuditRecord } from '../audit-record';
import { readTenantLog } from '../read-tenant-log';
import { matchesFilter, type ExportFilter } from './export-filter';

/**
 * A tenant's stored events in log order, as audit records, one batch at a
 * time. Data stays in its stored form: sealed personal data stays sealed,
 * so the export verifies offline and carries no readable personal data.
 */
export async function* exportRecords(
  store: EventStore,
  tenantId: string,
  filter: ExportFilter = {},
  batchSize = 5000,
): AsyncGenerator<AuditRecord[]> {
  // TODO(limit): time and stream filters scan the tenant's whole log.
  for await (const batch of readTenantLog(store, tenantId, { batchSize })) {
    const records = batch
      .map(toAuditRecord)
      .filter((record) => matchesFilter(record, filter));
    if (records.length > 0) yield records;
  }
}
