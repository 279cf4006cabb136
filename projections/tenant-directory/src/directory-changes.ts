import { eventTime, type ParsedEvent } from '@roster/projection-runtime';

export interface TenantRow {
  readonly tenant_id: string;
  readonly name: string;
  readonly created_at: Date;
}

export interface TokenRow {
  readonly token_hash: string;
  readonly tenant_id: string;
  readonly token_id: string;
  readonly kind: 'scim' | 'service';
  readonly label: string | null;
  readonly issued_at: Date;
  revoked_at: Date | null;
}

export interface Revocation {
  readonly tenantId: string;
  readonly tokenId: string;
  readonly at: Date;
}

/** The net effect of a batch, which the one-event-at-a-time writes have. */
export interface DirectoryChanges {
  /** The first creation of each tenant; later ones change nothing. */
  readonly tenants: Map<string, TenantRow>;
  /** Tokens issued in the batch, in log order, revoked where it says so. */
  readonly issued: TokenRow[];
  /** The last token issued in the batch under each tenant and token id. */
  readonly issuedByKey: Map<string, TokenRow>;
  /** Last revocation of tokens issued before the batch. */
  readonly revoked: Map<string, Revocation>;
}

/** Folds a batch, in log order, into rows to write. */
export function foldDirectory(
  events: readonly ParsedEvent[],
): DirectoryChanges {
  const changes: DirectoryChanges = {
    tenants: new Map(),
    issued: [],
    issuedByKey: new Map(),
    revoked: new Map(),
  };
  for (const event of events) foldEvent(changes, event);
  return changes;
}

function foldEvent(changes: DirectoryChanges, event: ParsedEvent): void {
  const at = eventTime(event);

  switch (event.type) {
    case 'TenantCreated': {
      const { tenantId, name } = event.data;
      if (!changes.tenants.has(tenantId)) {
        changes.tenants.set(tenantId, {
          tenant_id: tenantId,
          name,
          created_at: at,
        });
      }
      return;
    }
    case 'ScimTokenIssued':
    case 'ServiceTokenIssued': {
      const key = tokenKey(event.tenantId, event.data.tokenId);
      // A revocation before the issue matched no row.
      changes.revoked.delete(key);
      const row: TokenRow = {
        token_hash: event.data.tokenHash,
        tenant_id: event.tenantId,
        token_id: event.data.tokenId,
        kind: event.type === 'ScimTokenIssued' ? 'scim' : 'service',
        label: event.data.label ?? null,
        issued_at: at,
        revoked_at: null,
      };
      // A second issue of one id fails on insert, as it did row by row.
      changes.issued.push(row);
      changes.issuedByKey.set(key, row);
      return;
    }
    case 'ScimTokenRevoked':
    case 'ServiceTokenRevoked': {
      const { tokenId } = event.data;
      const key = tokenKey(event.tenantId, tokenId);
      const issued = changes.issuedByKey.get(key);
      if (issued) issued.revoked_at = at;
      else changes.revoked.set(key, { tenantId: event.tenantId, tokenId, at });
      return;
    }
    default:
      return;
  }
}

function tokenKey(tenantId: string, tokenId: string): string {
  return `${tenantId}\n${tokenId}`;
}
