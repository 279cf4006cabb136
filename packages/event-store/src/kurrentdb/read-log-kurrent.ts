import {
  BACKWARDS,
  END,
  streamNameFilter,
  type KurrentDBClient,
} from '@kurrent/kurrentdb-client';
import type { LogQuery, StoredEvent } from '../event-store';
import { inLogQuery, timeBoundsOf, toStoredEvent } from '../log-query';
import { START, type Position } from '../position';
import { tenantStreamPrefix } from '../stream-name';
import { fromResolvedEvent } from './kurrent-mapping';
import { readAllKurrent } from './read-all-kurrent';

/**
 * readLog over KurrentDB: the tenant's `$all` read, page by page, up to
 * the tenant's last event when the read started.
 */
// TODO(limit): stream and time filters are applied here, on the client,
// over the tenant's whole log; pages are not read ahead.
export async function* readLogKurrent(
  client: KurrentDBClient,
  query: LogQuery,
): AsyncGenerator<readonly StoredEvent[]> {
  const bounds = timeBoundsOf(query);
  const limit = query.pageSize ?? 5000;
  const { tenantId } = query;
  const end = await lastPositionOf(client, tenantId);
  let from = START;

  while (from < end) {
    const batch = await readAllKurrent(client, { from, limit, tenantId });
    const page = batch.events
      .filter((e) => e.position <= end && inLogQuery(e, query, bounds))
      .map(toStoredEvent);
    if (page.length > 0) yield page;

    if (batch.events.length < limit) return;
    from = batch.next;
  }
}

async function lastPositionOf(
  client: KurrentDBClient,
  tenantId: string,
): Promise<Position> {
  const reading = client.readAll({
    fromPosition: END,
    direction: BACKWARDS,
    maxCount: 1,
    filter: streamNameFilter({ prefixes: [tenantStreamPrefix(tenantId)] }),
  });
  for await (const resolved of reading) {
    const event = fromResolvedEvent(resolved);
    if (event) return event.position;
  }
  return START;
}
