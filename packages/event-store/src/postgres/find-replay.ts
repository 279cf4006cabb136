import type { SqlExecutor } from '@roster/sql';
import { WrongExpectedVersionError } from '../errors';
import type { AppendRequest, AppendResult } from '../event-store';
import { rowPosition } from './event-row';

interface StoredId {
  readonly id: string;
  readonly stream: string;
  readonly revision: number;
  readonly transaction_id: string;
  readonly global_position: string;
}

/**
 * A retry of an append that already committed (same event ids, same
 * stream, same place) succeeds with the original result. Ids stored
 * anywhere else make the append a conflict.
 */
export async function findReplay(
  tx: SqlExecutor,
  request: AppendRequest,
  actual: number | null,
): Promise<AppendResult | null> {
  const ids = request.events.map((event) => event.id);
  const { rows } = await tx.query<StoredId>(
    `SELECT id::text AS id, stream, revision,
       transaction_id::text AS transaction_id,
       global_position::text AS global_position
     FROM es_events
     WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb)::uuid)`,
    [JSON.stringify(ids)],
  );
  if (rows.length === 0) return null;

  const byId = new Map(rows.map((row) => [row.id.toLowerCase(), row]));
  const stored = ids.map((id) => byId.get(id.toLowerCase()));
  if (!isSamePlace(request, stored)) {
    throw new WrongExpectedVersionError(
      request.stream,
      request.expected,
      actual,
    );
  }

  const last = stored[stored.length - 1] as StoredId;
  return {
    revision: last.revision,
    position: rowPosition(last.transaction_id, last.global_position),
  };
}

function isSamePlace(
  { stream, expected }: AppendRequest,
  stored: readonly (StoredId | undefined)[],
): boolean {
  const first = stored[0]?.revision;
  if (first === undefined) return false;

  const consecutive = stored.every(
    (row, index) => row?.stream === stream && row.revision === first + index,
  );
  const placed =
    expected === 'any' ||
    (expected === 'no-stream' && first === 0) ||
    (expected === 'exists' && first > 0) ||
    expected === first - 1;

  return consecutive && placed;
}
