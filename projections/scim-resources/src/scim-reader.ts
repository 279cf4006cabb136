import {
  activeSchemaCache,
  activeSchemaOf,
  selectOnActive,
  type RuntimeDatabase,
} from '@roster/read-store';
import {
  sql,
  type Compilable,
  type Expression,
  type Kysely,
  type SelectQueryBuilder,
  type SqlBool,
} from 'kysely';
import type { ScimDatabase } from './scim-database';
import { SCIM_RESOURCES } from './scim-resources-projection';
import {
  toGroup,
  toMember,
  toUser,
  type ScimGroupRow,
  type ScimMemberRow,
  type ScimUserRow,
} from './scim-rows';

export interface ListQuery {
  /** A prepared condition over the table's columns (see @roster/scim sql). */
  readonly where?: Expression<SqlBool>;
  /**
   * An ORDER BY item, direction included (see @roster/scim sortSql); ties
   * are ordered by id. Default: created_at.
   */
  readonly orderBy?: Expression<unknown>;
  /** 0-based. */
  readonly offset: number;
  readonly limit: number;
}

export interface Page<T> {
  readonly total: number;
  readonly rows: readonly T[];
}

export interface PageRequest {
  readonly offset: number;
  readonly limit: number;
}

/** A group a user is a direct member of. */
export interface UserGroup {
  readonly id: string;
  readonly displayName: string;
}

/**
 * What the SCIM ingress reads. Every call reads the active generation, in
 * one statement that also confirms it is still active.
 */
export interface ScimReader {
  /** The user with its groups (the User `groups` attribute). */
  getUser(
    tenantId: string,
    id: string,
  ): Promise<(ScimUserRow & { groups: UserGroup[] }) | undefined>;
  getGroup(tenantId: string, id: string): Promise<ScimGroupRow | undefined>;
  listUsers(tenantId: string, query: ListQuery): Promise<Page<ScimUserRow>>;
  listGroups(tenantId: string, query: ListQuery): Promise<Page<ScimGroupRow>>;
  /** A group's members ordered by member id, one page at a time. */
  members(
    tenantId: string,
    groupId: string,
    page: PageRequest,
  ): Promise<Page<ScimMemberRow>>;
  /** Which of `ids` are direct members of the group. */
  hasMembers(
    tenantId: string,
    groupId: string,
    ids: readonly string[],
  ): Promise<Set<string>>;
}

export function createScimReader(db: Kysely<RuntimeDatabase>): ScimReader {
  const schemas = activeSchemaCache(SCIM_RESOURCES, (projection) =>
    activeSchemaOf(db, projection),
  );
  const select = <O>(build: (scope: Kysely<ScimDatabase>) => Compilable<O>) =>
    selectOnActive(db as Kysely<unknown>, schemas, (schema) =>
      build((db as unknown as Kysely<ScimDatabase>).withSchema(schema)),
    );

  return {
    getUser: async (tenantId, id) => {
      const [row] = await select((scope) =>
        scope
          .selectFrom('scim_users as u')
          .selectAll('u')
          .select((eb) =>
            eb
              .selectFrom('scim_group_members as m')
              .innerJoin('scim_groups as g', (join) =>
                join
                  .onRef('g.tenant_id', '=', 'm.tenant_id')
                  .onRef('g.id', '=', 'm.group_id'),
              )
              .whereRef('m.tenant_id', '=', 'u.tenant_id')
              .whereRef('m.member_id', '=', 'u.id')
              .select(
                sql<UserGroup[]>`coalesce(jsonb_agg(jsonb_build_object(
                  'id', g.id, 'displayName', g.display_name) ORDER BY g.id),
                  '[]'::jsonb)`.as('groups'),
              )
              .as('groups'),
          )
          .where('u.tenant_id', '=', tenantId)
          .where('u.id', '=', id),
      );
      return row && { ...toUser(row), groups: row.groups ?? [] };
    },
    getGroup: async (tenantId, id) => {
      const [row] = await select((scope) =>
        scope
          .selectFrom('scim_groups')
          .selectAll()
          .where('tenant_id', '=', tenantId)
          .where('id', '=', id),
      );
      return row && toGroup(row);
    },
    listUsers: async (tenantId, query) => {
      const users = (scope: Kysely<ScimDatabase>) =>
        scope
          .selectFrom('scim_users')
          .where('tenant_id', '=', tenantId)
          .$if(query.where !== undefined, (q) => q.where(query.where!));
      const page = await pageWithTotal(select, query, {
        rows: (scope) =>
          ordered(users(scope).selectAll().select(windowTotal), query),
        count: (scope) => users(scope).select(countAll),
      });
      return { total: page.total, rows: page.rows.map(toUser) };
    },
    listGroups: async (tenantId, query) => {
      const groups = (scope: Kysely<ScimDatabase>) =>
        scope
          .selectFrom('scim_groups')
          .where('tenant_id', '=', tenantId)
          .$if(query.where !== undefined, (q) => q.where(query.where!));
      const page = await pageWithTotal(select, query, {
        rows: (scope) =>
          ordered(groups(scope).selectAll().select(windowTotal), query),
        count: (scope) => groups(scope).select(countAll),
      });
      return { total: page.total, rows: page.rows.map(toGroup) };
    },
    members: async (tenantId, groupId, page) => {
      const members = (scope: Kysely<ScimDatabase>) =>
        scope
          .selectFrom('scim_group_members')
          .where('tenant_id', '=', tenantId)
          .where('group_id', '=', groupId);
      const found = await pageWithTotal(select, page, {
        rows: (scope) =>
          members(scope)
            .selectAll()
            .select(windowTotal)
            .orderBy('member_id')
            .offset(page.offset)
            .limit(page.limit),
        count: (scope) => members(scope).select(countAll),
      });
      return { total: found.total, rows: found.rows.map(toMember) };
    },
    hasMembers: async (tenantId, groupId, ids) => {
      if (ids.length === 0) return new Set();
      const rows = await select((scope) =>
        scope
          .selectFrom('scim_group_members')
          .select('member_id')
          .where('tenant_id', '=', tenantId)
          .where('group_id', '=', groupId)
          .where(sql<boolean>`member_id = ANY(${[...ids]}::text[])`),
      );
      return new Set(rows.map((row) => row.member_id));
    },
  };
}

type Select = <O>(
  build: (scope: Kysely<ScimDatabase>) => Compilable<O>,
) => Promise<O[]>;

const windowTotal = sql<string>`count(*) OVER ()`.as('total');
const countAll = sql<string>`count(*)`.as('count');

function ordered<Q extends SelectQueryBuilder<ScimDatabase, never, object>>(
  rows: Q,
  query: ListQuery,
): Q {
  return rows
    .orderBy(query.orderBy ?? sql`created_at`)
    .orderBy(sql`id`)
    .offset(query.offset)
    .limit(query.limit) as Q;
}

/**
 * One page and its total in one statement (a window count). Only a page
 * that came back empty needs a second statement to count.
 */
async function pageWithTotal<R extends { total: string }>(
  select: Select,
  page: PageRequest,
  build: {
    rows: (scope: Kysely<ScimDatabase>) => Compilable<R>;
    count: (scope: Kysely<ScimDatabase>) => Compilable<{ count: string }>;
  },
): Promise<{ total: number; rows: R[] }> {
  const rows = await select(build.rows);
  if (rows.length > 0) return { total: Number(rows[0]!.total), rows };

  const [counted] = await select(build.count);
  return { total: Number(counted?.count ?? 0), rows };
}
