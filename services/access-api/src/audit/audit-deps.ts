import type { UserKeyring } from '@roster/audit';
import type { EventStore } from '@roster/event-store';
import type { RuntimeDatabase } from '@roster/read-store';
import type { Kysely } from 'kysely';
import type { Consistency, TokenLookup } from '../access-deps';

/** What the audit endpoints under /v1 need. */
export interface AuditDeps {
  /** The event store; with the personal-data codec, timelines decode. */
  readonly store: EventStore;
  /** The read store, for the access intervals. */
  readonly readDb: Kysely<RuntimeDatabase>;
  readonly tokens: TokenLookup;
  /** SHA-256 (hex) of the operator's bearer token. */
  readonly operatorTokenHash: string;
  /** How long a service token found by hash is trusted, ms. Default 1000. */
  readonly tokenCacheMs?: number;
  /** Events read per batch by export and verify. Default 5000. */
  readonly batchSize?: number;
}

/** What the erase endpoint under /admin/v1 needs. */
export interface ErasureDeps {
  readonly store: EventStore;
  readonly keyring: UserKeyring;
  readonly consistency: Consistency;
  readonly operatorTokenHash: string;
  readonly newId: () => string;
}
