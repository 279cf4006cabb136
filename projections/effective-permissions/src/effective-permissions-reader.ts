import type { SqlExecutor } from '@roster/sql';
import { INTERVALS_PROJECTION } from '@roster/projection-access-intervals';
import { activeSchemaCache } from './active-schema-cache';
import {
  toCheckResult,
  type CheckResult,
  type CheckRow,
  type UserRef,
} from './check-result';
import type { PermissionSource } from './effective-permissions-tables';

export interface UserPermissions {
  readonly userId: string;
  readonly active: boolean;
  readonly permissions: readonly {
    readonly permission: string;
    readonly sources: readonly PermissionSource[];
  }[];
}

export interface PermissionCheck {
  readonly user: UserRef;
  readonly permission: string;
}

export interface EffectivePermissionsReader {
  /** One primary-key lookup (plus the user row, in the same query). */
  check(tenantId: string, check: PermissionCheck): Promise<CheckResult>;
  /** Many checks in one query; results in the order of `checks`. */
  checkMany(
    tenantId: string,
    checks: readonly PermissionCheck[],
  ): Promise<CheckResult[]>;
  /** Null for a user the projection has never seen. */
  userPermissions(
    tenantId: string,
    userId: string,
  ): Promise<UserPermissions | null>;
}

/** Reads the active generation over raw SQL: the check is the hot path. */
export function createEffectivePermissionsReader(
  client: SqlExecutor,
): EffectivePermissionsReader {
  const schema = activeSchemaCache(client, INTERVALS_PROJECTION);
  const q = async (build: (s: string) => string) =>
    build(`"${await schema()}"`);

  return {
    check: async (tenantId, { user, permission }) => {
      const byId = 'userId' in user;
      const text = await q(
        (s) => `SELECT u.user_id, u.active, u.deleted, e.sources
          FROM ${s}.users u LEFT JOIN ${s}.effective_permissions e
            ON e.tenant_id = u.tenant_id AND e.user_id = u.user_id
            AND e.permission = $3
          WHERE u.tenant_id = $1 AND ${
            byId ? 'u.user_id = $2' : 'u.user_name_key = $2 AND NOT u.deleted'
          } LIMIT 1`,
      );
      const key = byId ? user.userId : user.userName.toLowerCase();
      const { rows } = await client.query<CheckRow>(text, [
        tenantId,
        key,
        permission,
      ]);
      return toCheckResult(rows[0]);
    },
    checkMany: async (tenantId, checks) => {
      if (checks.length === 0) return [];
      const { rows } = await client.query<CheckRow & { ord: string }>(
        await q(checkManySql),
        [tenantId, ...checkColumns(checks)],
      );
      const byOrd = new Map(rows.map((row) => [Number(row.ord), row]));
      return checks.map((_, index) => toCheckResult(byOrd.get(index + 1)));
    },
    userPermissions: async (tenantId, userId) => {
      const { rows } = await client.query<UserRow>(
        await q(userPermissionsSql),
        [tenantId, userId],
      );
      return toUserPermissions(userId, rows);
    },
  };
}

function checkManySql(s: string): string {
  return `SELECT c.ord, u.user_id, u.active, u.deleted, e.sources
    FROM unnest($2::text[], $3::text[], $4::text[])
      WITH ORDINALITY AS c(user_id, user_name_key, permission, ord)
    LEFT JOIN LATERAL (
      SELECT * FROM ${s}.users x
      WHERE x.tenant_id = $1 AND c.user_id IS NOT NULL
        AND x.user_id = c.user_id
      UNION ALL
      SELECT * FROM ${s}.users x
      WHERE x.tenant_id = $1 AND c.user_id IS NULL
        AND x.user_name_key = c.user_name_key AND NOT x.deleted
      LIMIT 1
    ) u ON true
    LEFT JOIN ${s}.effective_permissions e
      ON e.tenant_id = $1 AND e.user_id = u.user_id
      AND e.permission = c.permission`;
}

function checkColumns(
  checks: readonly PermissionCheck[],
): [(string | null)[], (string | null)[], string[]] {
  return [
    checks.map(({ user }) => ('userId' in user ? user.userId : null)),
    checks.map(({ user }) =>
      'userName' in user ? user.userName.toLowerCase() : null,
    ),
    checks.map((check) => check.permission),
  ];
}

interface UserRow {
  active: boolean;
  deleted: boolean;
  permission: string | null;
  sources: PermissionSource[] | null;
}

function userPermissionsSql(s: string): string {
  return `SELECT u.active, u.deleted, e.permission, e.sources
    FROM ${s}.users u LEFT JOIN ${s}.effective_permissions e
      ON e.tenant_id = u.tenant_id AND e.user_id = u.user_id
    WHERE u.tenant_id = $1 AND u.user_id = $2
    ORDER BY e.permission`;
}

function toUserPermissions(
  userId: string,
  rows: readonly UserRow[],
): UserPermissions | null {
  const first = rows[0];
  if (!first) return null;

  const active = first.active && !first.deleted;
  const permissions = rows.flatMap((row) =>
    active && row.permission !== null && row.sources
      ? [{ permission: row.permission, sources: row.sources }]
      : [],
  );
  return { userId, active, permissions };
}
