/** The database cannot be reached, or the client was closed. Retryable. */
export class SqlUnavailableError extends Error {
  override readonly name = 'SqlUnavailableError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** Another process (or this one) already has the PGlite data directory. */
export class DataDirLockedError extends Error {
  override readonly name = 'DataDirLockedError';

  constructor(
    readonly dataDir: string,
    readonly holderPid: number | null,
  ) {
    super(
      `PGlite data directory ${dataDir} is in use by process ${holderPid ?? 'unknown'}`,
    );
  }
}

/** The five-character SQLSTATE of a database error, if it carries one. */
export function sqlStateOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;

  const code: unknown = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)
    ? code
    : undefined;
}
