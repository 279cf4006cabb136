import type { Kysely } from 'kysely';
import {
  activeSchemaCache,
  activeSchemaOf,
  selectOnActive,
} from '@roster/read-store';
import type { RuntimeDatabase } from '@roster/read-store';
import type { Compilable } from 'kysely';
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
  const schemas = activeSchemaCache(tenantDirectoryProjection.name, (name) =>
    activeSchemaOf(db, name),
  );
  const select = <O>(
    build: (scope: Kysely<TenantDirectoryDatabase>) => Compilable<O>,
  ) =>
    selectOnActive(db as Kysely<unknown>, schemas, (schema) =>
      build(
        (db as unknown as Kysely<TenantDirectoryDatabase>).withSchema(schema),
      ),
    );

  return {
    async findToken(tokenHash) {
      const [row] = await select((scope) =>
        scope
          .selectFrom('tokens')
          .select(['tenant_id', 'token_id', 'kind', 'token_hash'])
          .where('token_hash', '=', tokenHash)
          .where('revoked_at', 'is', null),
      );
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
      const [row] = await select((scope) =>
        scope
          .selectFrom('tenants')
          .select(['tenant_id', 'name'])
          .where('tenant_id', '=', tenantId),
      );
      return row ? { id: row.tenant_id, name: row.name } : null;
    },
  };
}
