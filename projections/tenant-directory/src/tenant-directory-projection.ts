import type { Kysely } from 'kysely';
import { defineProjection, eventTime } from '@roster/projection-runtime';
import type {
  ParsedEvent,
  RegisteredProjection,
} from '@roster/projection-runtime';
import { tenantDirectoryMigrations } from './tenant-directory-migrations';
import type { TenantDirectoryDatabase } from './tenant-directory-tables';

/** Tenants and the hashes of their SCIM and service tokens. */
export const tenantDirectoryProjection: RegisteredProjection =
  defineProjection<TenantDirectoryDatabase>({
    name: 'tenant_directory',
    version: 1,
    // A token works in the request right after the one that issued it.
    servesReads: true,
    migrations: tenantDirectoryMigrations,
    async apply(db, events) {
      for (const event of events) await applyEvent(db, event);
    },
  });

async function applyEvent(
  db: Kysely<TenantDirectoryDatabase>,
  event: ParsedEvent,
): Promise<void> {
  const at = eventTime(event);

  switch (event.type) {
    case 'TenantCreated':
      await db
        .insertInto('tenants')
        .values({
          tenant_id: event.data.tenantId,
          name: event.data.name,
          created_at: at,
        })
        .onConflict((conflict) => conflict.column('tenant_id').doNothing())
        .execute();
      return;
    case 'ScimTokenIssued':
    case 'ServiceTokenIssued':
      await db
        .insertInto('tokens')
        .values({
          token_hash: event.data.tokenHash,
          tenant_id: event.tenantId,
          token_id: event.data.tokenId,
          kind: event.type === 'ScimTokenIssued' ? 'scim' : 'service',
          label: event.data.label ?? null,
          issued_at: at,
          revoked_at: null,
        })
        .execute();
      return;
    case 'ScimTokenRevoked':
    case 'ServiceTokenRevoked':
      await db
        .updateTable('tokens')
        .set({ revoked_at: at })
        .where('tenant_id', '=', event.tenantId)
        .where('token_id', '=', event.data.tokenId)
        .execute();
      return;
    default:
      return;
  }
}
