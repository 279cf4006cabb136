/** Why a call to the permissions API failed. None of them means allowed. */
export type ClientErrorKind =
  'timeout' | 'unavailable' | 'refused' | 'invalid-response';

/** A failed call: the caller must treat the permission as not granted. */
export class PermissionsClientError extends Error {
  override readonly name = 'PermissionsClientError';

  constructor(
    readonly kind: ClientErrorKind,
    message: string,
    /** HTTP status, when the server answered. */
    readonly status?: number,
  ) {
    super(message);
  }

  /** Worth another attempt: the server may answer next time. */
  get retryable(): boolean {
    return this.kind === 'timeout' || this.kind === 'unavailable';
  }
}
