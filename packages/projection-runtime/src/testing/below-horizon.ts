import type { SqlExecutor } from '@roster/sql';

/**
 * Waits until every appended event is below the cluster-wide snapshot
 * xmin, where the PostgreSQL store reads: a transaction open elsewhere on
 * the server holds new events back for a while. Gives up after 30 s.
 */
export async function untilBelowHorizon(client: SqlExecutor): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const { rows } = await client.query<{ below: boolean | null }>(
      `SELECT max(transaction_id) < pg_snapshot_xmin(pg_current_snapshot())
         AS below FROM es_events`,
    );
    if (rows[0]?.below !== false) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
