import { randomBytes } from 'node:crypto';
import type { SqlExecutor } from '@roster/sql';

/** The user's key was destroyed: nothing new may be sealed for them. */
export class ErasedUserError extends Error {
  override readonly name = 'ErasedUserError';
}

const STATEMENTS = [
  'CREATE SCHEMA IF NOT EXISTS roster_keys',
  `CREATE TABLE IF NOT EXISTS roster_keys.user_keys (
    tenant_id text NOT NULL,
    user_id text NOT NULL,
    key_base64 text,
    created_at timestamptz NOT NULL DEFAULT now(),
    erased_at timestamptz,
    PRIMARY KEY (tenant_id, user_id),
    CHECK ((key_base64 IS NULL) = (erased_at IS NOT NULL))
  )`,
];

// Any constant: it only serialises concurrent migrations.
const MIGRATION_LOCK = 7_310_077;

/**
 * One AES-256 key per user, outside the event log (schema roster_keys).
 * Destroying a key makes that user's sealed attributes unreadable.
 */
export interface UserKeyring {
  /** The user's key, made on first use. @throws ErasedUserError */
  keyFor(tenantId: string, userId: string): Promise<Buffer>;
  /** Live keys of the given users; erased and unknown users are absent. */
  keysOf(
    tenantId: string,
    userIds: readonly string[],
  ): Promise<Map<string, Buffer>>;
  /** Destroys the key; true when there was one to destroy. Idempotent. */
  destroy(tenantId: string, userId: string): Promise<boolean>;
}

export async function migrateKeyring(sql: SqlExecutor): Promise<void> {
  await sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    for (const statement of STATEMENTS) await tx.query(statement);
  });
}

/** A keyring over the tables that migrateKeyring made. */
export function sqlKeyring(sql: SqlExecutor): UserKeyring {
  return {
    keyFor: async (tenantId, userId) => {
      await sql.query(
        `INSERT INTO roster_keys.user_keys (tenant_id, user_id, key_base64)
         VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
        [tenantId, userId, randomBytes(32).toString('base64')],
      );
      const { rows } = await sql.query<{ key_base64: string | null }>(
        `SELECT key_base64 FROM roster_keys.user_keys
         WHERE tenant_id = $1 AND user_id = $2`,
        [tenantId, userId],
      );

      const key = rows[0]?.key_base64;
      if (!key) throw new ErasedUserError(`user ${userId} was erased`);
      return Buffer.from(key, 'base64');
    },
    keysOf: async (tenantId, userIds) => {
      const { rows } = await sql.query<{ user_id: string; key_base64: string }>(
        `SELECT user_id, key_base64 FROM roster_keys.user_keys
         WHERE tenant_id = $1 AND user_id = ANY($2::text[])
           AND key_base64 IS NOT NULL`,
        [tenantId, [...userIds]],
      );
      return new Map(
        rows.map((r) => [r.user_id, Buffer.from(r.key_base64, 'base64')]),
      );
    },
    destroy: async (tenantId, userId) => {
      const { rows } = await sql.query<{ had_key: boolean }>(
        `INSERT INTO roster_keys.user_keys AS k
           (tenant_id, user_id, key_base64, erased_at)
         VALUES ($1, $2, NULL, now())
         ON CONFLICT (tenant_id, user_id) DO UPDATE
           SET key_base64 = NULL, erased_at = coalesce(k.erased_at, now())
         RETURNING (xmax <> 0 AND k.erased_at = now()) AS had_key`,
        [tenantId, userId],
      );
      return rows[0]?.had_key ?? false;
    },
  };
}
