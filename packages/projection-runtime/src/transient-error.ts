import { StoreUnavailableError } from '@roster/event-store';
import { SqlUnavailableError, sqlStateOf } from '@roster/sql';

// Serialisation failure, deadlock, statement cancelled: try again later.
const TRANSIENT_STATES = new Set(['40001', '40P01', '57014']);

/** Whether a failure is the infrastructure's, not the handler's. */
export function isTransient(error: unknown): boolean {
  if (error instanceof SqlUnavailableError) return true;
  if (error instanceof StoreUnavailableError) return true;

  const state = sqlStateOf(error);
  return state !== undefined && TRANSIENT_STATES.has(state);
}

export function messageOf(error: unknown): string {
  return error instanceof Error
    ? `${error.name}: ${error.message}`
    : String(error);
}
