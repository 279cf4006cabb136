import type { RecordedEvent } from '../event-store';
import { encodePosition } from '../position';

/** The columns every event query selects. */
export const EVENT_COLUMNS = `
  global_position::text AS global_position,
  transaction_id::text AS transaction_id,
  stream, revision, tenant_id, id::text AS id, type, version,
  data, metadata, recorded_at`;

export interface EventRow {
  readonly global_position: string;
  readonly transaction_id: string;
  readonly stream: string;
  readonly revision: number;
  readonly tenant_id: string;
  readonly id: string;
  readonly type: string;
  readonly version: number;
  readonly data: unknown;
  readonly metadata: Record<string, unknown>;
  readonly recorded_at: Date;
}

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row.id,
    type: row.type,
    version: row.version,
    data: row.data,
    metadata: row.metadata,
    stream: row.stream,
    revision: row.revision,
    position: rowPosition(row.transaction_id, row.global_position),
    tenantId: row.tenant_id,
    recordedAt: row.recorded_at,
  };
}

/** A row's place in the log: (transaction id, global position). */
export function rowPosition(transactionId: string, globalPosition: string) {
  return encodePosition(BigInt(transactionId), BigInt(globalPosition));
}
