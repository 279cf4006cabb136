import { sql, type Kysely } from 'kysely';
import type { DirectoryChanges, Revocation } from './directory-changes';
import type { TenantDirectoryDatabase } from './tenant-directory-tables';

/** Writes a folded batch: at most three statements. */
export async function writeDirectory(
  db: Kysely<TenantDirectoryDatabase>,
  changes: DirectoryChanges,
): Promise<void> {
  const tenants = [...changes.tenants.values()];
  const { issued } = changes;
  const revoked = [...changes.revoked.values()];

  if (tenants.length > 0) {
    await db
      .insertInto('tenants')
      .values(tenants)
      .onConflict((conflict) => conflict.column('tenant_id').doNothing())
      .execute();
  }
  // Rows go in log order, so seq keeps the order of issue.
  if (issued.length > 0) await db.insertInto('tokens').values(issued).execute();
  if (revoked.length > 0) await revoke(db, revoked);
}

async function revoke(
  db: Kysely<TenantDirectoryDatabase>,
  revoked: readonly Revocation[],
): Promise<void> {
  const tenants = revoked.map((r) => r.tenantId);
  const tokens = revoked.map((r) => r.tokenId);
  const times = revoked.map((r) => r.at.toISOString());

  await sql`UPDATE tokens AS t SET revoked_at = r.at
    FROM unnest(${tenants}::text[], ${tokens}::text[],
      ${times}::timestamptz[]) AS r(tenant_id, token_id, at)
    WHERE t.tenant_id = r.tenant_id AND t.token_id = r.token_id`.execute(db);
}
