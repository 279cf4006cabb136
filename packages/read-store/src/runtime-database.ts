import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** One built (or building) copy of a projection, in its own schema. */
export interface GenerationTable {
  schema_name: string;
  projection: string;
  version: number;
  state: 'building' | 'active' | 'retired';
  partition_count: number;
  created_at: Timestamp;
  activated_at: ColumnType<Date | null, Date | string | null, Date | string>;
}

/** Where one partition of a generation is; `position` '' is the start. */
export interface CheckpointTable {
  schema_name: string;
  partition: number;
  position: ColumnType<string, string | undefined, string>;
  events_applied: ColumnType<string, number | string | undefined, string>;
  updated_at: Timestamp;
}

/** The event that stopped a partition, until it applies or is skipped. */
export interface FailureTable {
  schema_name: string;
  partition: number;
  projection: string;
  version: number;
  event_id: string;
  position: string;
  tenant_id: string;
  error: string;
  attempts: number;
  first_failed_at: Timestamp;
  last_failed_at: Timestamp;
  next_retry_at: Timestamp;
}

/** Events an operator let a projection version pass without applying. */
export interface SkipTable {
  projection: string;
  version: number;
  event_id: string;
  reason: string;
  skipped_at: Generated<Date>;
}

/** Tables of the projection runtime, shared by every projection. */
export interface RuntimeDatabase {
  'roster.projection_generations': GenerationTable;
  'roster.projection_checkpoints': CheckpointTable;
  'roster.projection_failures': FailureTable;
  'roster.projection_skips': SkipTable;
}
