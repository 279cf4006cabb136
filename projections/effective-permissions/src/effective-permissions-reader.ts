import {
  activeSchemaCache,
  registryLookup,
  onActiveSchema,
} from '@roster/read-store';
import type { SqlClient, SqlExecutor } from '@roster/sql';
import { INTERVALS_PROJECTION } from '@roster/projection-access-intervals';
import type { CheckResult, UserRef } from './check-result';
import { cachedChecks, type TenantChecks } from './cached-checks';
import { runChecks, type TenantCheck } from './check-query';
import { coalesce } from './coalesce';
import { exactAnswers } from './exact-answers';
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
  /** Lookups of the user and the permission, merged with other checks. */
  check(tenantId: string, check: PermissionCheck): Promise<CheckResult>;
  /** Many checks in one statement; results in the order of `checks`. */
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

/**
 * Statements of merged checks running at once. Over a server, one: checks
 * that arrive meanwhile merge into the next, and fewer backends contend
 * with the server for the cores (four had the worse p99). PGlite runs
 * statements in turn on the server's own thread, and four queued keep it
 * busy (one cut its most checks/s by a tenth). README, Decisions.
 */
const CHECK_STATEMENTS: Record<SqlClient['kind'], number> = {
  postgres: 1,
  pglite: 4,
};

/** Most checks merged into one statement. */
const MERGED_CHECKS = 2000;

/**
 * Reads the active generation over raw SQL: the check is the hot path.
 * Checks that arrive together, of any tenant, share one prepared
 * statement, which also confirms that its schema is still the active one.
 * Over a client with a write counter (PGlite), answers are kept until the
 * next write.
 */
export function createEffectivePermissionsReader(
  client: SqlExecutor | SqlClient,
  kind: SqlClient['kind'] = 'postgres',
): EffectivePermissionsReader {
  const schemas = activeSchemaCache(
    INTERVALS_PROJECTION,
    registryLookup(client),
  );
  const merged = coalesce(
    (checks: readonly TenantCheck[]) =>
      onActiveSchema(schemas, (schema) => runChecks(client, schema, checks)),
    { maxInFlight: CHECK_STATEMENTS[kind], maxItems: MERGED_CHECKS },
  );
  const inTenant = keptAnswers(client, (tenantId, checks) =>
    merged(
      checks.map(({ user, permission }) => ({ tenantId, user, permission })),
    ),
  );

  return {
    check: async (tenantId, check) => {
      const [result] = await inTenant(tenantId, [check]);
      if (!result) throw new Error('a merged check lost its answer');
      return result;
    },
    checkMany: (tenantId, checks) =>
      checks.length === 0 ? Promise.resolve([]) : inTenant(tenantId, checks),
    userPermissions: (tenantId, userId) =>
      onActiveSchema(schemas, async (schema) => {
        const { rows } = await client.query<UserRow>(
          userPermissionsSql(`"${schema}"`),
          [schema, tenantId, userId],
          { readOnly: true },
        );
        return rows.length === 0 ? undefined : toUserPermissions(userId, rows);
      }),
  };
}

function keptAnswers(
  client: SqlExecutor | SqlClient,
  run: TenantChecks,
): TenantChecks {
  const counter = 'writeCounter' in client ? client.writeCounter : undefined;
  return counter ? cachedChecks(run, exactAnswers(counter)) : run;
}

interface UserRow {
  user_id: string | null;
  active: boolean | null;
  deleted: boolean | null;
  permission: string | null;
  sources: PermissionSource[] | null;
}

/** One row with nulls for an unknown user; none once `$1` is retired. */
function userPermissionsSql(s: string): string {
  return `SELECT u.user_id, u.active, u.deleted, e.permission, e.sources
    FROM roster.projection_generations g
    LEFT JOIN ${s}.users u ON u.tenant_id = $2 AND u.user_id = $3
    LEFT JOIN ${s}.effective_permissions e
      ON e.tenant_id = u.tenant_id AND e.user_id = u.user_id
    WHERE g.schema_name = $1 AND g.state = 'active'
    ORDER BY e.permission`;
}

function toUserPermissions(
  userId: string,
  rows: readonly UserRow[],
): UserPermissions | null {
  const first = rows[0];
  if (!first?.user_id) return null;

  const active = first.active === true && first.deleted !== true;
  const permissions = rows.flatMap((row) =>
    active && row.permission !== null && row.sources
      ? [{ permission: row.permission, sources: row.sources }]
      : [],
  );
  return { userId, active, permissions };
}
