import type { SqlExecutor } from '@roster/sql';
import { StreamDeletedError } from '../errors';
import type { AppendRequest, AppendResult } from '../event-store';
import { assertExpectedRevision } from '../expected-revision';
import { rowPosition } from './event-row';
import { APPEND_SQL, appendParams, type AppendRow } from './append-statement';
import { findReplay } from './find-replay';

/**
 * Appends every request in one statement, or throws: WrongExpectedVersion
 * or StreamDeletedError when a check fails, the SQL error (unique
 * violation) when a concurrent writer got there first. Answers in request
 * order. Run it outside a transaction, or as the transaction's first
 * write: the transaction id is then assigned after the snapshot that saw
 * the stream's last event, so a stream's events sort by revision in the
 * (transaction_id, global_position) log order.
 */
export async function appendRequests(
  sql: SqlExecutor,
  requests: readonly AppendRequest[],
): Promise<AppendResult[]> {
  const { rows } = await sql.query<AppendRow>(
    APPEND_SQL,
    appendParams(requests),
    { name: 'roster_es_append' },
  );

  const written = rows.every((row) => row.last_revision !== null);
  return written ? rows.map(writtenResult) : explain(sql, requests, rows);
}

function writtenResult(row: AppendRow): AppendResult {
  return {
    revision: row.last_revision as number,
    position: rowPosition(
      row.transaction_id as string,
      row.global_position as string,
    ),
  };
}

/**
 * Nothing was written: throws the first failed check, or answers replays
 * with their original results and appends the requests that remain.
 */
async function explain(
  sql: SqlExecutor,
  requests: readonly AppendRequest[],
  rows: readonly AppendRow[],
): Promise<AppendResult[]> {
  const results: (AppendResult | null)[] = [];
  for (const [index, request] of requests.entries()) {
    const row = rows[index] as AppendRow;
    if (row.deleted) throw new StreamDeletedError(request.stream);

    const replay = row.stored
      ? await findReplay(sql, request, row.current)
      : null;
    if (!replay)
      assertExpectedRevision(request.stream, request.expected, row.current);
    results.push(replay);
  }

  const remaining = requests.filter((_, index) => results[index] === null);
  if (remaining.length === requests.length) {
    throw new Error('append refused although every check passed');
  }
  const appended =
    remaining.length > 0 ? await appendRequests(sql, remaining) : [];
  return results.map((result) => result ?? (appended.shift() as AppendResult));
}
