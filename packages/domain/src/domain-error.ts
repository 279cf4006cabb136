/** Why a command was refused; the edges map each code to a status. */
export type DomainErrorCode =
  'not-found' | 'already-exists' | 'name-taken' | 'deleted' | 'invalid';

/** A command that the current state does not allow. */
export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** Facts a caller may need, e.g. the id of the holder of a name. */
    readonly details: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}
