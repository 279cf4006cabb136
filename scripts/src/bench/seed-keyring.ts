import { randomBytes } from 'node:crypto';
import type { UserKeyring } from '../../../packages/audit/src/index';
import type { SqlExecutor } from '../../../packages/sql/src/index';

/** A keyring that can make the keys of many new users in one statement. */
export interface SeedKeyring extends UserKeyring {
  /** Makes (or keeps) a key for each user; later keyFor calls are free. */
  readonly prepare: (
    tenantId: string,
    userIds: readonly string[],
  ) => Promise<void>;
}

/**
 * Wraps the product's keyring: `prepare` writes the rows sqlKeyring would
 * make one by one (packages/audit/src/personal-data/user-keyring.ts) with
 * one INSERT, reads them back through the keyring itself, and serves
 * keyFor from memory. Everything else goes to `inner`.
 */
export function seedKeyring(sql: SqlExecutor, inner: UserKeyring): SeedKeyring {
  const prepared = new Map<string, Buffer>();
  const keyOf = (tenantId: string, userId: string) => `${tenantId}\n${userId}`;

  return {
    prepare: async (tenantId, userIds) => {
      const keys = userIds.map(() => randomBytes(32).toString('base64'));
      await sql.query(
        `INSERT INTO roster_keys.user_keys (tenant_id, user_id, key_base64)
         SELECT $1, u.user_id, u.key_base64
         FROM unnest($2::text[], $3::text[]) AS u(user_id, key_base64)
         ON CONFLICT DO NOTHING`,
        [tenantId, [...userIds], keys],
      );
      const stored = await inner.keysOf(tenantId, userIds);
      for (const [userId, key] of stored) {
        prepared.set(keyOf(tenantId, userId), key);
      }
    },
    keyFor: (tenantId, userId) => {
      const key = prepared.get(keyOf(tenantId, userId));
      return key ? Promise.resolve(key) : inner.keyFor(tenantId, userId);
    },
    keysOf: (tenantId, userIds) => inner.keysOf(tenantId, userIds),
    destroy: (tenantId, userId) => inner.destroy(tenantId, userId),
  };
}
