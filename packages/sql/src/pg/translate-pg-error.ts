import { SqlUnavailableError } from '../sql-errors';
import { sqlStateOf } from '../sql-errors';

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

// Server states that mean "not now" rather than "your SQL is wrong".
const UNAVAILABLE_STATES = new Set([
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '3D000',
  '28000',
  '28P01',
]);

const UNAVAILABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Cannot use a pool after calling end|Client has encountered a connection error|Connection ended/i;

/** The one place where `pg` failures become our errors. */
export function translatePgError(error: unknown): unknown {
  return isConnectionFailure(error)
    ? new SqlUnavailableError(`PostgreSQL unavailable: ${messageOf(error)}`, {
        cause: error,
      })
    : error;
}

function isConnectionFailure(error: unknown): boolean {
  if (error instanceof SqlUnavailableError) return false;

  const state = sqlStateOf(error);
  if (state !== undefined) {
    return state.startsWith('08') || UNAVAILABLE_STATES.has(state);
  }

  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && NETWORK_CODES.has(code)) return true;

  return UNAVAILABLE_MESSAGES.test(messageOf(error));
}

function messageOf(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) {
    return error.errors.map(messageOf).join('; ');
  }
  return error instanceof Error ? error.message : String(error);
}
