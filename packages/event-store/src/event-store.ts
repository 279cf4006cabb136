import type { Position } from './position';

/** An event as the caller hands it to the store. `id` is a UUID. */
export interface EventToAppend {
  readonly id: string;
  readonly type: string;
  readonly version: number;
  readonly data: unknown;
  readonly metadata: Readonly<Record<string, unknown>>;
}

/** An event as the store gives it back. */
export interface RecordedEvent extends EventToAppend {
  readonly stream: string;
  /** 0-based index of the event in its stream. */
  readonly revision: number;
  /** Commit-order position in the whole log; compare as strings. */
  readonly position: Position;
  readonly tenantId: string;
  readonly recordedAt: Date;
}

/**
 * What the stream must look like for an append to succeed: no stream yet,
 * any state, an existing stream, or the revision of its last event.
 */
export type ExpectedRevision = 'no-stream' | 'any' | 'exists' | number;

export interface AppendRequest {
  readonly stream: string;
  readonly events: readonly EventToAppend[];
  readonly expected: ExpectedRevision;
}

export interface AppendResult {
  /** Revision of the last event written. */
  readonly revision: number;
  /** Position of the last event written. */
  readonly position: Position;
}

export interface ReadStreamOptions {
  readonly fromRevision?: number;
  readonly limit?: number;
}

export interface ReadAllOptions {
  /** Exclusive: events strictly after this position. */
  readonly from: Position;
  readonly limit: number;
  /** Only events of tenants whose hash falls into this partition. */
  readonly partition?: TenantPartition;
  /** Only events of this tenant. */
  readonly tenantId?: string;
}

export interface TenantPartition {
  readonly index: number;
  readonly count: number;
}

export interface ReadAllBatch {
  /** Fewer than `limit` events means the reader has caught up for now. */
  readonly events: readonly RecordedEvent[];
  /** Where the next read starts; may pass the last event of the batch. */
  readonly next: Position;
}

/**
 * An event as stored, for readers that write or hash it without decoding
 * it all: data and metadata are the store's JSON text (its key order and
 * spacing, not canonical).
 */
export interface StoredEvent {
  readonly position: Position;
  readonly stream: string;
  readonly revision: number;
  readonly id: string;
  readonly type: string;
  readonly version: number;
  readonly data: string;
  readonly metadata: string;
  /** ISO-8601 in UTC, in milliseconds. */
  readonly recordedAt: string;
}

/**
 * Which events of one tenant readLog gives. An event's instant is its
 * metadata's `occurredAt` when that is an ISO-8601 UTC instant in
 * milliseconds (as the ledger stamps it), else its recordedAt.
 */
export interface LogQuery {
  readonly tenantId: string;
  /** Only this stream (of the tenant: another tenant's stream is empty). */
  readonly stream?: string;
  /** Inclusive lower bound on the event's instant. */
  readonly from?: Date;
  /** Exclusive upper bound on the event's instant. */
  readonly to?: Date;
  /** Events per page. Default 5000. */
  readonly pageSize?: number;
}

export interface StoreCapabilities {
  /** appendMany commits all streams or none. */
  readonly atomicMultiStreamAppend: boolean;
}

/**
 * The event-store port. Adapters translate their own failures into
 * WrongExpectedVersionError, StreamDeletedError and StoreUnavailableError.
 */
export interface EventStore {
  readonly capabilities: StoreCapabilities;
  append(request: AppendRequest): Promise<AppendResult>;
  appendMany(requests: readonly AppendRequest[]): Promise<AppendResult[]>;
  readStream(
    stream: string,
    options?: ReadStreamOptions,
  ): Promise<RecordedEvent[]>;
  readAll(options: ReadAllOptions): Promise<ReadAllBatch>;
  /**
   * A tenant's events in log order, page by page, up to the end of the
   * log when the read starts; filters are applied by the store. The next
   * page is read while the caller works on the current one, never
   * further ahead, so memory stays at two pages.
   */
  readLog(query: LogQuery): AsyncIterable<readonly StoredEvent[]>;
  /**
   * Resolves as soon as the log may hold an event after `after`: at once
   * when it already does, else on the next append, after `timeoutMs`, or
   * when `signal` aborts. Never busy-polls. Taking `after` closes the gap
   * between a read that found nothing and the start of the wait.
   */
  waitForAppend(
    after: Position,
    timeoutMs: number,
    signal?: AbortSignal,
  ): Promise<void>;
  /**
   * Tombstones a stream: its events stay in the log (readAll), but
   * readStream and every later append throw StreamDeletedError.
   */
  deleteStream(stream: string): Promise<void>;
  close(): Promise<void>;
}
