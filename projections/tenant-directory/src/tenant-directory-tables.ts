import type { Generated } from 'kysely';

export interface TenantsTable {
  tenant_id: string;
  name: string;
  created_at: Date;
}

export interface TokensTable {
  /** SHA-256 of the token, hex; the token itself is never stored. */
  token_hash: string;
  tenant_id: string;
  token_id: string;
  kind: 'scim' | 'service';
  label: string | null;
  issued_at: Date;
  revoked_at: Date | null;
  seq: Generated<number>;
}

export interface TenantDirectoryDatabase {
  tenants: TenantsTable;
  tokens: TokensTable;
}
