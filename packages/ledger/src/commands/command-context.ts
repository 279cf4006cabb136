import type { RequestContext } from '@roster/domain';
import type { EventStore } from '@roster/event-store';

/** What every command service needs: the store, the tenant, the request. */
export interface CommandContext {
  readonly store: EventStore;
  readonly tenantId: string;
  readonly request: RequestContext;
  /** Makes ids for new users, groups and mappings. */
  readonly newId: () => string;
}
