import type { AuditRecord } from '../audit-record';
import { occurredAt } from '../audit-record';

/** Which events an export holds: a time range and one stream, each optional. */
export interface ExportFilter {
  /** Inclusive lower bound on occurredAt. */
  readonly from?: Date;
  /** Exclusive upper bound on occurredAt. */
  readonly to?: Date;
  readonly stream?: string;
}

export function matchesFilter(
  record: AuditRecord,
  filter: ExportFilter,
): boolean {
  if (filter.stream !== undefined && record.stream !== filter.stream) {
    return false;
  }
  if (!filter.from && !filter.to) return true;

  const at = occurredAt(record).getTime();
  if (filter.from && at < filter.from.getTime()) return false;
  return !filter.to || at < filter.to.getTime();
}

export function isFiltered(filter: ExportFilter): boolean {
  return Boolean(filter.from ?? filter.to ?? filter.stream);
}
