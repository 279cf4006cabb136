import type { ExpectedRevision } from './event-store';

/** The stream was not at the revision the append expected. */
export class WrongExpectedVersionError extends Error {
  override readonly name = 'WrongExpectedVersionError';

  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    /** Revision of the stream's last event, or null when it has none. */
    readonly actual: number | null,
  ) {
    super(
      `stream ${stream}: expected ${String(expected)}, found ${String(actual)}`,
    );
  }
}

/** The stream was deleted and accepts no more events. */
export class StreamDeletedError extends Error {
  override readonly name = 'StreamDeletedError';

  constructor(readonly stream: string) {
    super(`stream ${stream} is deleted`);
  }
}

/** The store cannot be reached or refused to serve; the caller may retry. */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
