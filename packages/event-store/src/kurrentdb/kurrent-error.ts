import { ErrorType } from '@kurrent/kurrentdb-client';
import {
  StoreUnavailableError,
  StreamDeletedError,
  WrongExpectedVersionError,
} from '../errors';
import type { AppendRequest } from '../event-store';
import { fromCurrentState } from './kurrent-mapping';

const UNAVAILABLE = new Set<string>([
  ErrorType.UNAVAILABLE,
  ErrorType.DEADLINE_EXCEEDED,
  ErrorType.TIMEOUT,
  ErrorType.NOT_LEADER,
  ErrorType.CANCELLED,
]);

const DELETED = new Set<string>([
  ErrorType.STREAM_DELETED,
  ErrorType.STREAM_TOMBSTONED,
]);

const WRONG_VERSION: string = ErrorType.WRONG_EXPECTED_VERSION;

interface ClientError {
  readonly type?: unknown;
  readonly message?: unknown;
  readonly streamName?: unknown;
  readonly stream?: unknown;
  readonly actualState?: unknown;
}

/**
 * The one place where KurrentDB client errors become ours. `requests`
 * name the streams of the call, for the expected revision and as the
 * fallback stream name.
 */
export function fromKurrentError(
  error: unknown,
  requests: readonly Pick<AppendRequest, 'stream' | 'expected'>[] = [],
): unknown {
  if (typeof error !== 'object' || error === null) return error;
  const failure: ClientError = error;
  const { type } = failure;
  if (typeof type !== 'string') return error;

  if (UNAVAILABLE.has(type)) {
    return new StoreUnavailableError(
      `KurrentDB unavailable: ${messageOf(error)}`,
      {
        cause: error,
      },
    );
  }

  const stream = streamOf(failure) ?? requests[0]?.stream ?? '';
  if (DELETED.has(type)) return new StreamDeletedError(stream);

  if (type === WRONG_VERSION) {
    const request = requests.find((r) => r.stream === stream) ?? requests[0];
    const actual = failure.actualState;
    return new WrongExpectedVersionError(
      stream,
      request?.expected ?? 'any',
      typeof actual === 'bigint' ? fromCurrentState(actual) : null,
    );
  }
  return error;
}

function streamOf(error: ClientError): string | undefined {
  const name = error.streamName ?? error.stream;
  return typeof name === 'string' && name !== '' ? name : undefined;
}

function messageOf(error: object): string {
  const { message } = error as ClientError;
  return typeof message === 'string' ? message : 'no detail';
}
