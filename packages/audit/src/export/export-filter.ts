/**
 * Which events an export holds: a time range on each event's occurredAt
 * (recordedAt when it has none) and one stream, each optional. The store
 * applies it (`EventStore.readLog`).
 */
export interface ExportFilter {
  /** Inclusive lower bound. */
  readonly from?: Date;
  /** Exclusive upper bound. */
  readonly to?: Date;
  readonly stream?: string;
}

export function isFiltered(filter: ExportFilter): boolean {
  return Boolean(filter.from ?? filter.to ?? filter.stream);
}
