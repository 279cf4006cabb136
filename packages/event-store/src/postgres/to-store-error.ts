import { SqlUnavailableError, sqlStateOf } from '@roster/sql';
import { StoreUnavailableError, WrongExpectedVersionError } from '../errors';
import type { ExpectedRevision } from '../event-store';

export const UNIQUE_VIOLATION = '23505';

export interface ConflictContext {
  readonly stream: string;
  readonly expected: ExpectedRevision;
  readonly actual: number | null;
}

/** The one place where SQL failures become event-store errors. */
export function toStoreError(
  error: unknown,
  conflict?: ConflictContext,
): unknown {
  if (error instanceof SqlUnavailableError) {
    return new StoreUnavailableError(error.message, { cause: error });
  }

  if (sqlStateOf(error) === UNIQUE_VIOLATION && conflict) {
    const { stream, expected, actual } = conflict;
    return new WrongExpectedVersionError(stream, expected, actual);
  }

  return error;
}

const RACE_STATES = new Set([UNIQUE_VIOLATION, '40P01', '40001']);

/**
 * A concurrent writer won: a unique index refused a revision or event id
 * it committed, or the two appends deadlocked. Worth another attempt.
 */
export function isLostRace(error: unknown): boolean {
  const state = sqlStateOf(error);
  return state !== undefined && RACE_STATES.has(state);
}
