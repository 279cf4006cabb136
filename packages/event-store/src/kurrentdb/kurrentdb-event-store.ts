import {
  KurrentDBClient,
  StreamNotFoundError,
  type ResolvedEvent,
} from '@kurrent/kurrentdb-client';
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
import { encodePosition, START, type Position } from '../position';
import { validateAppend } from '../validate-append';
import { fromKurrentError } from './kurrent-error';
import {
  fromKurrentPosition,
  fromResolvedEvent,
  toEventData,
  toStreamState,
} from './kurrent-mapping';
import { readAllKurrent } from './read-all-kurrent';
import { readLogKurrent } from './read-log-kurrent';
import { waitForAppendKurrent } from './wait-for-append-kurrent';

export interface KurrentEventStoreOptions {
  /** `kurrentdb://host:2113?tls=false` and friends. */
  readonly url: string;
  /**
   * Use the server's atomic multi-stream append (KurrentDB 25.1 and
   * later) for appendMany. Default true; false appends stream by stream.
   */
  readonly multiStreamAppend?: boolean;
}

/** The event store over KurrentDB's gRPC client. */
export class KurrentEventStore implements EventStore {
  readonly capabilities: StoreCapabilities;
  readonly #client: KurrentDBClient;

  constructor(options: KurrentEventStoreOptions) {
    // TODO(limit): server support for multi-stream append is configured,
    // not detected; an older server fails appendMany.
    const atomic = options.multiStreamAppend ?? true;
    this.capabilities = { atomicMultiStreamAppend: atomic };
    this.#client = KurrentDBClient.connectionString(options.url);
  }

  async append(request: AppendRequest): Promise<AppendResult> {
    validateAppend([request]);

    try {
      const result = await this.#client.appendToStream(
        request.stream,
        request.events.map(toEventData),
        { streamState: toStreamState(request.expected) },
      );
      return {
        revision: Number(result.nextExpectedRevision),
        // TODO(limit): a server that reports no position yields START.
        position: result.position
          ? fromKurrentPosition(result.position)
          : START,
      };
    } catch (error) {
      throw fromKurrentError(error, [request]);
    }
  }

  async appendMany(
    requests: readonly AppendRequest[],
  ): Promise<AppendResult[]> {
    validateAppend(requests);
    if (!this.capabilities.atomicMultiStreamAppend) {
      const results: AppendResult[] = [];
      for (const request of requests) results.push(await this.append(request));
      return results;
    }

    try {
      const result = await this.#client.multiStreamAppend(
        requests.map((request) => ({
          streamName: request.stream,
          events: request.events.map(toEventData),
          expectedState: toStreamState(request.expected),
        })),
      );
      // TODO(limit): the multi-stream append reports one log position;
      // it is used as commit and prepare position of every stream.
      const position = encodePosition(result.position, result.position);
      return requests.map((request) => ({
        revision: revisionOf(result.responses, request.stream),
        position,
      }));
    } catch (error) {
      throw fromKurrentError(error, requests);
    }
  }

  async readStream(
    stream: string,
    options: ReadStreamOptions = {},
  ): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    try {
      const reading = this.#client.readStream(stream, {
        fromRevision: BigInt(options.fromRevision ?? 0),
        ...(options.limit === undefined ? {} : { maxCount: options.limit }),
      });
      for await (const resolved of reading) collect(events, resolved);
      return events;
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw fromKurrentError(error, [{ stream, expected: 'any' }]);
    }
  }

  async readAll(options: ReadAllOptions): Promise<ReadAllBatch> {
    try {
      return await readAllKurrent(this.#client, options);
    } catch (error) {
      throw fromKurrentError(error);
    }
  }

  async *readLog(query: LogQuery): AsyncGenerator<readonly StoredEvent[]> {
    try {
      yield* readLogKurrent(this.#client, query);
    } catch (error) {
      throw fromKurrentError(error);
    }
  }

  async waitForAppend(
    after: Position,
    timeoutMs: number,
    signal?: AbortSignal,
  ): Promise<void> {
    try {
      await waitForAppendKurrent(this.#client, after, timeoutMs, signal);
    } catch (error) {
      throw fromKurrentError(error);
    }
  }

  async deleteStream(stream: string): Promise<void> {
    try {
      await this.#client.tombstoneStream(stream);
    } catch (error) {
      throw fromKurrentError(error, [{ stream, expected: 'any' }]);
    }
  }

  close(): Promise<void> {
    return this.#client.dispose();
  }
}

function collect(events: RecordedEvent[], resolved: ResolvedEvent): void {
  const event = fromResolvedEvent(resolved);
  if (event) events.push(event);
}

function revisionOf(
  responses: readonly { streamName: string; revision: bigint }[],
  stream: string,
): number {
  const response = responses.find((r) => r.streamName === stream);
  if (!response) throw new Error(`KurrentDB did not confirm stream ${stream}`);
  return Number(response.revision);
}
