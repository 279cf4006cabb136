import { randomUUID } from 'node:crypto';
import type {
  EventStore,
  EventToAppend,
  ReadAllOptions,
  RecordedEvent,
} from '../../event-store';
import { START, type Position } from '../../position';
import { streamName } from '../../stream-name';

/** What a contract run needs from an adapter. */
export interface ContractFactory {
  /** A store shared by the suite; every test writes to its own tenant. */
  open(): Promise<EventStore>;
  /** A store whose backend cannot be reached (closed, bad URL). */
  openUnavailable(): Promise<EventStore>;
}

export interface ContractContext {
  readonly store: () => EventStore;
  readonly factory: ContractFactory;
}

export function newTenant(): string {
  return `t${randomUUID().replaceAll('-', '').slice(0, 12)}`;
}

export function newStream(tenantId: string, kind = 'user'): string {
  return streamName(tenantId, kind, randomUUID());
}

export function anEvent(type = 'UserCreated', n = 0): EventToAppend {
  return {
    id: randomUUID(),
    type,
    version: 1,
    data: { n, userName: `user-${n}@example.com` },
    metadata: { actor: { kind: 'system' }, requestId: randomUUID() },
  };
}

export function events(count: number, type = 'UserCreated'): EventToAppend[] {
  return Array.from({ length: count }, (_, n) => anEvent(type, n));
}

/** The position after every event the store shows now. */
export async function headOf(store: EventStore): Promise<Position> {
  let from = START;
  for (;;) {
    const batch = await store.readAll({ from, limit: 500 });
    if (batch.events.length < 500) return batch.next;
    from = batch.next;
  }
}

/**
 * Reads batches from `from` until `count` events have arrived: events of
 * other transactions in the same cluster may hold ours back for a moment.
 */
export async function readUntil(
  store: EventStore,
  options: Omit<ReadAllOptions, 'limit'> & { limit?: number },
  count: number,
  timeoutMs = 20_000,
): Promise<{ events: RecordedEvent[]; batches: number; next: Position }> {
  const deadline = Date.now() + timeoutMs;
  const found: RecordedEvent[] = [];
  let from = options.from;
  let batches = 0;

  while (found.length < count && Date.now() < deadline) {
    const batch = await store.readAll({
      ...options,
      from,
      limit: options.limit ?? 100,
    });
    batches += 1;
    found.push(...batch.events);
    if (batch.events.length === 0) await store.waitForAppend(batch.next, 200);
    from = batch.next;
  }
  return { events: found, batches, next: from };
}
