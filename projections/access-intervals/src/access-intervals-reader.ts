import { sql, type Kysely } from 'kysely';
import { activeSchemaOf, type RuntimeDatabase } from '@roster/read-store';
import type { AccessIntervalsDatabase } from './access-intervals-tables';

/** The projection whose schema holds (and whose apply writes) the table. */
export const INTERVALS_PROJECTION = 'effective_permissions';

/** A permission held through one source over [grantedAt, revokedAt). */
export interface AccessInterval {
  readonly userId: string;
  readonly permission: string;
  readonly source: unknown;
  readonly grantedAt: Date;
  readonly revokedAt: Date | null;
}

export interface AccessIntervalsReader {
  /** Who held `permission` at `at`, with the sources they held it by. */
  holdersAt(
    tenantId: string,
    permission: string,
    at: Date,
  ): Promise<AccessInterval[]>;
  /** What `userId` held at `at`. */
  permissionsAt(
    tenantId: string,
    userId: string,
    at: Date,
  ): Promise<AccessInterval[]>;
  /** Every interval of a user, oldest first. */
  history(tenantId: string, userId: string): Promise<AccessInterval[]>;
}

export function createAccessIntervalsReader(
  db: Kysely<RuntimeDatabase>,
): AccessIntervalsReader {
  const table = async () => {
    const schema = await activeSchemaOf(db, INTERVALS_PROJECTION);
    if (!schema) throw new Error('the access intervals are not built yet');
    return (db as unknown as Kysely<AccessIntervalsDatabase>)
      .withSchema(schema)
      .selectFrom('access_intervals')
      .select(['user_id', 'permission', 'source', 'granted_at', 'revoked_at']);
  };
  const heldAt = (at: Date) =>
    sql<boolean>`granted_at <= ${at}
      AND (revoked_at IS NULL OR revoked_at > ${at})`;

  return {
    holdersAt: async (tenantId, permission, at) =>
      (await table())
        .where('tenant_id', '=', tenantId)
        .where('permission', '=', permission)
        .where(heldAt(at))
        .orderBy('user_id')
        .execute()
        .then((rows) => rows.map(toInterval)),
    permissionsAt: async (tenantId, userId, at) =>
      (await table())
        .where('tenant_id', '=', tenantId)
        .where('user_id', '=', userId)
        .where(heldAt(at))
        .orderBy('permission')
        .execute()
        .then((rows) => rows.map(toInterval)),
    history: async (tenantId, userId) =>
      (await table())
        .where('tenant_id', '=', tenantId)
        .where('user_id', '=', userId)
        .orderBy('granted_at')
        .orderBy('interval_id')
        .execute()
        .then((rows) => rows.map(toInterval)),
  };
}

interface IntervalRow {
  user_id: string;
  permission: string;
  source: unknown;
  granted_at: Date;
  revoked_at: Date | null;
}

function toInterval(row: IntervalRow): AccessInterval {
  return {
    userId: row.user_id,
    permission: row.permission,
    source: row.source,
    grantedAt: new Date(row.granted_at),
    revokedAt: row.revoked_at === null ? null : new Date(row.revoked_at),
  };
}
