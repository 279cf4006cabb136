import { randomUUID } from 'node:crypto';
import { hashEvent } from '@roster/domain';
import type { AppendRequest, EventStore } from '@roster/event-store';
import { codecOf, stampEvents, streams, type StreamEnd } from '@roster/ledger';
import { eventsOf } from './history-events';
import type { HistoryOperation } from './history-operation';

/**
 * Appends the events of `operations` in their order, many streams per
 * appendMany, with real hash chains and each operation's time as
 * occurredAt; the store's codec seals personal data as the ledger would.
 */
export async function writeHistory(
  store: EventStore,
  operations: readonly HistoryOperation[],
  tenants: readonly string[],
): Promise<number> {
  const ends = new Map<string, StreamEnd>();
  let batch = new Map<string, AppendRequest>();
  let written = 0;

  const flush = async () => {
    if (batch.size === 0) return;
    await store.appendMany([...batch.values()]);
    written += [...batch.values()].reduce((sum, r) => sum + r.events.length, 0);
    batch = new Map();
  };
  const add = async (
    tenantId: string,
    stream: string,
    events: Parameters<typeof stampEvents>[1],
    at: Date,
  ) => {
    if (batch.has(stream) || batch.size >= 200) await flush();
    const end = ends.get(stream) ?? { stream, revision: null, lastHash: null };
    const stamped = stampEvents(end, events, contextOf(tenantId), at);
    const revision = (end.revision ?? -1) + stamped.length;
    const last = stamped.at(-1);
    if (last)
      ends.set(stream, {
        stream,
        revision,
        lastHash: hashEvent({ ...last, stream, revision }),
      });
    batch.set(stream, {
      stream,
      events: stamped,
      expected: end.revision ?? 'no-stream',
    });
  };

  const first = operations[0]?.at ?? new Date();
  for (const tenantId of tenants) {
    const created = [
      { type: 'TenantCreated' as const, data: { tenantId, name: tenantId } },
    ];
    await add(
      tenantId,
      streams.tenant(tenantId),
      created,
      new Date(first.getTime() - 1000),
    );
  }
  for (const operation of operations) {
    const { stream, events } = eventsOf(operation);
    await add(
      operation.tenantId,
      stream,
      await codecOf(store).encode(stream, events),
      operation.at,
    );
  }
  await flush();
  return written;
}

function contextOf(tenantId: string) {
  const requestId = randomUUID();
  return {
    tenantId,
    actor: { kind: 'scim-token' as const, id: 'tok-generated' },
    requestId,
    correlationId: requestId,
    userAgent: 'Okta SCIM Client 1.0',
  };
}
