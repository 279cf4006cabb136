import type { Kysely } from 'kysely';
import { activeSchemaOf } from '@roster/read-store';
import type { RuntimeDatabase } from '@roster/read-store';
import { tenantDirectoryProjection } from './tenant-directory-projection';
import type { TenantDirectoryDatabase } from './tenant-directory-tables';

/** A live token found by its hash. */
export interface TokenRecord {
  readonly tenantId: string;
  readonly tokenId: string;
  readonly kind: 'scim' | 'service';
  readonly tokenHash: string;
}

export interface TenantDirectoryReader {
  /** The live (not revoked) token with this SHA-256 hash, if any. */
  findToken(tokenHash: string): Promise<TokenRecord | null>;
  tenant(tenantId: string): Promise<{ id: string; name: string } | null>;
}

export function createTenantDirectoryReader(
  db: Kysely<RuntimeDatabase>,
): TenantDirectoryReader {
  const tables = async () => {
    const schema = await activeSchemaOf(db, tenantDirectoryProjection.name);
    if (!schema) throw new Error('the tenant directory is not built yet');
    return (db as unknown as Kysely<TenantDirectoryDatabase>).withSchema(
      schema,
    );
  };

  return {
    async findToken(tokenHash) {
      const row = await (
        await tables()
      )
        .selectFrom('tokens')
        .select(['tenant_id', 'token_id', 'kind', 'token_hash'])
        .where('token_hash', '=', tokenHash)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return row
        ? {
            tenantId: row.tenant_id,
            tokenId: row.token_id,
            kind: row.kind,
            tokenHash: row.token_hash,
          }
        : null;
    },
    async tenant(tenantId) {
      const row = await (
        await tables()
      )
        .selectFrom('tenants')
        .select(['tenant_id', 'name'])
        .where('tenant_id', '=', tenantId)
        .executeTakeFirst();
      return row ? { id: row.tenant_id, name: row.name } : null;
    },
  };
}
