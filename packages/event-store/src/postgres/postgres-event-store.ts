import { sqlStateOf, type SqlClient } from '@roster/sql';
import { StreamDeletedError } from '../errors';
import type {
  AppendRequest,
  AppendResult,
  EventStore,
  LogQuery,
  ReadAllBatch,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StoreCapabilities,
  StoredEvent,
} from '../event-store';
import type { Position } from '../position';
import { tenantOfStream } from '../stream-name';
import { validateAppend } from '../validate-append';
import { appendInTransaction } from './append-in-transaction';
import { EVENT_COLUMNS, toRecordedEvent, type EventRow } from './event-row';
import { readAll } from './read-all';
import { readLog } from './read-log';
import { lockStreams, readStreamState } from './stream-state';
import { toStoreError, UNIQUE_VIOLATION } from './to-store-error';
import { waitForAppend } from './wait-for-append';

export interface PostgresEventStoreOptions {
  /** Close the SqlClient with the store. Default false (it may be shared). */
  readonly ownsClient?: boolean;
  /** Re-check interval while a long transaction holds events back. 25 ms. */
  readonly heldBackRetryMs?: number;
}

/**
 * The event store over PostgreSQL or PGlite. Call migrateEventStore first
 * (createEventStore does).
 */
export class PostgresEventStore implements EventStore {
  readonly capabilities: StoreCapabilities = { atomicMultiStreamAppend: true };

  constructor(
    private readonly sql: SqlClient,
    private readonly options: PostgresEventStoreOptions = {},
  ) {}

  async append(request: AppendRequest): Promise<AppendResult> {
    const [result] = await this.appendMany([request]);
    return result as AppendResult;
  }

  async appendMany(
    requests: readonly AppendRequest[],
  ): Promise<AppendResult[]> {
    validateAppend(requests);

    try {
      return await this.#appendOnce(requests);
    } catch (error) {
      if (sqlStateOf(error) !== UNIQUE_VIOLATION) throw toStoreError(error);
    }

    // A concurrent writer committed the same event ids first: now that
    // they are visible, the checks tell a replay from a conflict.
    try {
      return await this.#appendOnce(requests);
    } catch (error) {
      throw toStoreError(error, await this.#conflictOf(requests));
    }
  }

  async readStream(
    stream: string,
    options: ReadStreamOptions = {},
  ): Promise<RecordedEvent[]> {
    const { rows } = await this.#run(() =>
      this.sql.query<EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM es_events
         WHERE stream = $1 AND revision >= $2
         ORDER BY revision LIMIT $3`,
        [stream, options.fromRevision ?? 0, options.limit ?? null],
      ),
    );

    const state = await this.#run(() => readStreamState(this.sql, stream));
    if (state.deleted) throw new StreamDeletedError(stream);

    return rows.map(toRecordedEvent);
  }

  readAll(options: ReadAllOptions): Promise<ReadAllBatch> {
    return this.#run(() => readAll(this.sql, options));
  }

  async *readLog(query: LogQuery): AsyncGenerator<readonly StoredEvent[]> {
    try {
      yield* readLog(this.sql, query);
    } catch (error) {
      throw toStoreError(error);
    }
  }

  waitForAppend(
    after: Position,
    timeoutMs: number,
    signal?: AbortSignal,
  ): Promise<void> {
    const heldBackRetryMs = this.options.heldBackRetryMs ?? 25;
    return this.#run(() =>
      waitForAppend(this.sql, after, timeoutMs, signal, { heldBackRetryMs }),
    );
  }

  deleteStream(stream: string): Promise<void> {
    const tenantId = tenantOfStream(stream);

    return this.#run(() =>
      this.sql.transaction(async (tx) => {
        await lockStreams(tx, [stream]);
        const state = await readStreamState(tx, stream);
        if (state.deleted) throw new StreamDeletedError(stream);

        await tx.query(
          `INSERT INTO es_streams (stream, tenant_id, revision, deleted_at)
           VALUES ($1, $2, NULL, now())
           ON CONFLICT (stream) DO UPDATE SET deleted_at = now()`,
          [stream, tenantId],
        );
      }),
    );
  }

  async close(): Promise<void> {
    if (this.options.ownsClient) await this.sql.close();
  }

  #appendOnce(requests: readonly AppendRequest[]): Promise<AppendResult[]> {
    return this.sql.transaction((tx) => appendInTransaction(tx, requests));
  }

  async #conflictOf(requests: readonly AppendRequest[]) {
    const first = requests[0] as AppendRequest;
    const state = await readStreamState(this.sql, first.stream).catch(() => ({
      revision: null,
    }));
    return { ...first, actual: state.revision };
  }

  async #run<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw toStoreError(error);
    }
  }
}
