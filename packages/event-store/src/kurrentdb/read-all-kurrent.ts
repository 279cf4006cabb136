import {
  FORWARDS,
  START as KURRENT_START,
  streamNameFilter,
  type KurrentDBClient,
} from '@kurrent/kurrentdb-client';
import type {
  ReadAllBatch,
  ReadAllOptions,
  RecordedEvent,
} from '../event-store';
import { START, type Position } from '../position';
import { tenantStreamPrefix } from '../stream-name';
import { tenantPartition } from '../tenant-partition';
import { fromResolvedEvent, toKurrentPosition } from './kurrent-mapping';

/** Every stream of ours starts so; system streams ($...) never do. */
export const TENANT_STREAMS_PREFIX = 'tenant:';

/**
 * Pages through `$all` with a server-side stream-prefix filter until
 * `limit` events matched or the log ended. The read position is
 * inclusive in KurrentDB, so the event at `from` itself is dropped.
 */
export async function readAllKurrent(
  client: KurrentDBClient,
  options: ReadAllOptions,
): Promise<ReadAllBatch> {
  const matched: RecordedEvent[] = [];
  let scannedTo: Position = options.from;

  for (;;) {
    const page = await readPage(client, options, scannedTo);
    for (const event of page.events) {
      scannedTo = event.position;
      if (inPartition(event, options)) matched.push(event);
      if (matched.length === options.limit)
        return { events: matched, next: scannedTo };
    }
    if (page.ended) return { events: matched, next: scannedTo };
  }
}

async function readPage(
  client: KurrentDBClient,
  options: ReadAllOptions,
  from: Position,
): Promise<{ events: RecordedEvent[]; ended: boolean }> {
  const pageSize = options.limit + 1;
  const prefix =
    options.tenantId === undefined
      ? TENANT_STREAMS_PREFIX
      : tenantStreamPrefix(options.tenantId);

  const events: RecordedEvent[] = [];
  let read = 0;
  for await (const resolved of client.readAll({
    fromPosition: from === START ? KURRENT_START : toKurrentPosition(from),
    direction: FORWARDS,
    maxCount: pageSize,
    filter: streamNameFilter({ prefixes: [prefix] }),
  })) {
    read += 1;
    const event = fromResolvedEvent(resolved);
    if (event && event.position > from) events.push(event);
  }
  return { events, ended: read < pageSize };
}

// TODO(limit): KurrentDB cannot filter by tenant hash, so partitioned
// reads fetch every tenant's events and drop the others here.
function inPartition(event: RecordedEvent, options: ReadAllOptions): boolean {
  const { partition } = options;
  return (
    partition === undefined ||
    tenantPartition(event.tenantId, partition.count) === partition.index
  );
}
