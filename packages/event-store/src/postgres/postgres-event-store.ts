import type { SqlClient } from '@roster/sql';
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
import { validateAppend } from '../validate-append';
import { appendRequests } from './append-requests';
import { deleteStream } from './delete-stream';
import { readAll } from './read-all';
import { readLog } from './read-log';
import { readStream } from './read-stream';
import { readStreamState } from './stream-state';
import { isLostRace, toStoreError } from './to-store-error';
import { waitForAppend } from './wait-for-append';

// Each lost race means another append committed; bounded all the same.
const MAX_ATTEMPTS = 32;

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

    for (let attempt = 1; ; attempt++) {
      try {
        return await appendRequests(this.sql, requests);
      } catch (error) {
        if (!isLostRace(error)) throw toStoreError(error);
        if (attempt >= MAX_ATTEMPTS) {
          throw toStoreError(error, await this.#conflictOf(requests));
        }
      }
      // A concurrent writer committed first: the next attempt sees its
      // events and tells a replay from a conflict, or appends after them.
    }
  }

  readStream(
    stream: string,
    options: ReadStreamOptions = {},
  ): Promise<RecordedEvent[]> {
    return this.#run(() => readStream(this.sql, stream, options));
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
    return this.#run(() => deleteStream(this.sql, stream));
  }

  async close(): Promise<void> {
    if (this.options.ownsClient) await this.sql.close();
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
