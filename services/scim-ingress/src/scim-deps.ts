import type { EventStore } from '@roster/event-store';
import type { Consistency, ScimReader, TokenLookup } from './ports';
import type { ScimLimits } from './scim-limits';

/** Everything the SCIM router needs from the process that mounts it. */
export interface ScimDeps {
  readonly store: EventStore;
  readonly reader: ScimReader;
  readonly tokens: TokenLookup;
  readonly consistency: Consistency;
  readonly limits: ScimLimits;
  readonly newId: () => string;
}
