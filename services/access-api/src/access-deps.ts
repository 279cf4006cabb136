import type { EventStore, Position } from '@roster/event-store';
import type { Metrics } from '@roster/service-kit';
import type { SqlClient } from '@roster/sql';

/**
 * Read-your-writes: resolves once every read model that serves reads has
 * applied `position` for the tenant (waking the projectors if needed);
 * rejects with ConsistencyTimeoutError.
 */
export interface Consistency {
  afterWrite(tenantId: string, position: Position): Promise<void>;
}

/** A tenant's live token, found by the SHA-256 of the presented one. */
export interface TokenLookup {
  findToken(tokenHash: string): Promise<{
    readonly tenantId: string;
    readonly tokenId: string;
    readonly kind: 'scim' | 'service';
    readonly tokenHash: string;
  } | null>;
}

/** Tokens, and whether a tenant exists: the tenant directory. */
export interface TenantDirectory extends TokenLookup {
  tenant(tenantId: string): Promise<{ readonly id: string } | null>;
}

/** What /admin/v1 needs. */
export interface AdminDeps {
  readonly store: EventStore;
  readonly consistency: Consistency;
  /** SHA-256 (hex) of the operator's bearer token. */
  readonly operatorTokenHash: string;
  readonly newId: () => string;
}

/** What /v1 needs. */
export interface AccessDeps {
  /** The read store (PostgreSQL or PGlite), read over raw SQL. */
  readonly readClient: SqlClient;
  readonly tokens: TenantDirectory;
  /** SHA-256 (hex) of the operator's bearer token. */
  readonly operatorTokenHash: string;
  readonly metrics: Metrics;
  /** How long a service token found by hash is trusted, ms. Default 1000. */
  readonly tokenCacheMs?: number;
}
