import { activeSchemaCache, registryLookup } from '@roster/read-store';
import type { SqlExecutor } from '@roster/sql';
import { INTERVALS_PROJECTION } from '@roster/projection-access-intervals';
import type { PermissionSource } from './effective-permissions-tables';

/** A user with every permission it holds now. */
export interface UserSnapshot {
  readonly userId: string;
  readonly userNameKey: string;
  readonly active: boolean;
  readonly deleted: boolean;
  readonly permissions: ReadonlyMap<string, readonly PermissionSource[]>;
}

/** Bulk reads for in-process checkers that keep a tenant in memory. */
export interface SnapshotReader {
  /** The tenant's change counter; 0 before its first change. */
  version(tenantId: string): Promise<number>;
  /** Every user of the tenant, or only `userIds` (absent ones omitted). */
  users(tenantId: string, userIds?: readonly string[]): Promise<UserSnapshot[]>;
}

interface Row {
  user_id: string;
  user_name_key: string;
  active: boolean;
  deleted: boolean;
  permission: string | null;
  sources: PermissionSource[] | null;
}

export function createSnapshotReader(client: SqlExecutor): SnapshotReader {
  const schemas = activeSchemaCache(
    INTERVALS_PROJECTION,
    registryLookup(client),
  );
  // Each read asks the registry: a rebuild's switch is seen at once.
  const schema = () => schemas.refresh();

  return {
    version: async (tenantId) => {
      const s = await schema();
      const { rows } = await client.query<{ version: string }>(
        `SELECT version FROM "${s}".permission_versions WHERE tenant_id = $1`,
        [tenantId],
      );
      return Number(rows[0]?.version ?? 0);
    },
    users: async (tenantId, userIds) => {
      const s = await schema();
      const { rows } = await client.query<Row>(
        `SELECT u.user_id, u.user_name_key, u.active, u.deleted,
           e.permission, e.sources
         FROM "${s}".users u LEFT JOIN "${s}".effective_permissions e
           ON e.tenant_id = u.tenant_id AND e.user_id = u.user_id
         WHERE u.tenant_id = $1 AND ($2::text[] IS NULL OR u.user_id = ANY($2))
         ORDER BY u.user_id`,
        [tenantId, userIds === undefined ? null : [...userIds]],
      );
      return groupRows(rows);
    },
  };
}

function groupRows(rows: readonly Row[]): UserSnapshot[] {
  const users = new Map<string, UserSnapshot>();

  for (const row of rows) {
    let user = users.get(row.user_id);
    if (!user) {
      user = {
        userId: row.user_id,
        userNameKey: row.user_name_key,
        active: row.active,
        deleted: row.deleted,
        permissions: new Map(),
      };
      users.set(row.user_id, user);
    }
    if (row.permission !== null && row.sources) {
      (user.permissions as Map<string, PermissionSource[]>).set(
        row.permission,
        row.sources,
      );
    }
  }
  return [...users.values()];
}
