import { parseEvent } from '@roster/domain';
import { streamName, type EventStore } from '@roster/event-store';
import { codecOf } from '@roster/ledger';
import { occurredAt } from '../audit-record';
import { toRecorded } from '../stored-record';
import { AccessModel } from './access-model';
import type { HeldPermission } from './permission-source';

export interface PermissionsAt {
  readonly userId: string;
  readonly at: string;
  /** Whether the user existed at `at`. */
  readonly known: boolean;
  readonly active: boolean;
  readonly permissions: HeldPermission[];
  /** Events replayed to answer. */
  readonly events: number;
}

/**
 * A user's effective permissions at `at`, by replaying the tenant's log
 * up to `at` into an AccessModel: events of other users are skipped
 * unread, the user's own are decoded by the store's codec.
 */
export async function permissionsAt(
  store: EventStore,
  tenantId: string,
  userId: string,
  at: Date,
): Promise<PermissionsAt> {
  const model = new AccessModel();
  const own = streamName(tenantId, 'user', userId);
  const users = streamName(tenantId, 'user', '');
  let events = 0;

  // TODO(limit): log order is taken as time order, as the projection does.
  replay: for await (const page of store.readLog({ tenantId })) {
    const wanted = page
      .filter((e) => e.stream === own || !e.stream.startsWith(users))
      .map((e) => toRecorded(e, tenantId));
    for (const event of await codecOf(store).decode(wanted)) {
      if (occurredAt(event) > at) break replay;
      model.apply(parseEvent(event.type, event.version, event.data));
      events += 1;
    }
  }

  const status = model.statusOf(userId);
  return {
    userId,
    at: at.toISOString(),
    ...status,
    permissions: model.permissionsOf(userId),
    events,
  };
}
