import type { SqlClient } from '@roster/sql';
import { decodePosition, type Position } from '../position';
import { APPEND_CHANNEL } from './schema';

export interface WaitOptions {
  /** Re-check after this many ms while committed events are held back. */
  readonly heldBackRetryMs: number;
}

type Pending = 'visible' | 'held-back' | 'none';

/** LISTEN first, then look, then sleep until NOTIFY, timeout or abort. */
export async function waitForAppend(
  sql: SqlClient,
  after: Position,
  timeoutMs: number,
  signal: AbortSignal | undefined,
  options: WaitOptions,
): Promise<void> {
  const wake = wakeUp(signal);
  const stop = await sql.listen(APPEND_CHANNEL, wake.fire);

  try {
    const pending = await pendingAfter(sql, after);
    if (pending === 'visible') return;

    // TODO(limit): an old open transaction anywhere in the cluster holds
    // events back; while it lasts, readers re-check every heldBackRetryMs.
    const wait =
      pending === 'held-back'
        ? Math.min(timeoutMs, options.heldBackRetryMs)
        : timeoutMs;
    await wake.within(wait);
  } finally {
    wake.clear();
    await stop();
  }
}

async function pendingAfter(sql: SqlClient, after: Position): Promise<Pending> {
  const [transactionId, globalPosition] = decodePosition(after);
  const { rows } = await sql.query<{ visible: boolean; held_back: boolean }>(
    `WITH horizon AS MATERIALIZED (
       SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin
     )
     SELECT
       EXISTS (SELECT 1 FROM es_events
         WHERE (transaction_id, global_position) > ($1::text::xid8, $2::bigint)
           AND transaction_id < (SELECT xmin FROM horizon)) AS visible,
       EXISTS (SELECT 1 FROM es_events
         WHERE transaction_id >= (SELECT xmin FROM horizon)) AS held_back`,
    [transactionId.toString(), globalPosition.toString()],
  );

  const row = rows[0];
  if (row?.visible) return 'visible';
  return row?.held_back ? 'held-back' : 'none';
}

interface WakeUp {
  readonly fire: () => void;
  within(ms: number): Promise<void>;
  clear(): void;
}

function wakeUp(signal: AbortSignal | undefined): WakeUp {
  let fire: () => void = () => undefined;
  const woken = new Promise<void>((resolve) => (fire = resolve));
  let timer: NodeJS.Timeout | undefined;

  signal?.addEventListener('abort', () => fire(), { once: true });
  if (signal?.aborted) fire();

  return {
    fire: () => fire(),
    within: (ms) => {
      timer = setTimeout(() => fire(), ms);
      return woken;
    },
    clear: () => clearTimeout(timer),
  };
}
