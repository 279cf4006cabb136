import type { LoadedStream } from './loaded-stream';

/** The caller's If-Match named a version the stream is not at. */
export class PreconditionFailedError extends Error {
  override readonly name = 'PreconditionFailedError';

  constructor(
    readonly stream: string,
    readonly expected: number,
    readonly actual: number | null,
  ) {
    super(`stream ${stream} is at ${String(actual)}, not ${expected}`);
  }
}

/** Throws PreconditionFailedError unless the stream is at `expected`. */
export function requireRevision(
  loaded: LoadedStream<unknown>,
  expected: number | undefined,
): void {
  if (expected !== undefined && loaded.revision !== expected) {
    throw new PreconditionFailedError(loaded.stream, expected, loaded.revision);
  }
}
