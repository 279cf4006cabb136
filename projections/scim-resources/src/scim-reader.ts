import { activeSchemaOf, type RuntimeDatabase } from '@roster/read-store';
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
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

/** scim-resources has no active generation yet (first start, still empty). */
export class ReadModelNotReadyError extends Error {
  override readonly name = 'ReadModelNotReadyError';
}

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

/** What the SCIM ingress reads. Every call reads the active generation. */
export interface ScimReader {
  getUser(tenantId: string, id: string): Promise<ScimUserRow | undefined>;
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
  /** The groups a user is a direct member of (the User `groups` attribute). */
  groupsOf(
    tenantId: string,
    userId: string,
  ): Promise<{ id: string; displayName: string }[]>;
}

export function createScimReader(db: Kysely<RuntimeDatabase>): ScimReader {
  const scoped = async (): Promise<Kysely<ScimDatabase>> => {
    const schema = await activeSchemaOf(db, SCIM_RESOURCES);
    if (!schema)
      throw new ReadModelNotReadyError('scim-resources is not built yet');
    return (db as unknown as Kysely<ScimDatabase>).withSchema(schema);
  };

  return {
    getUser: async (tenantId, id) => {
      const row = await (
        await scoped()
      )
        .selectFrom('scim_users')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toUser(row);
    },
    getGroup: async (tenantId, id) => {
      const row = await (
        await scoped()
      )
        .selectFrom('scim_groups')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toGroup(row);
    },
    listUsers: async (tenantId, query) => {
      const scope = await scoped();
      const base = scope
        .selectFrom('scim_users')
        .where('tenant_id', '=', tenantId)
        .$if(query.where !== undefined, (q) => q.where(query.where!));
      const total = await base
        .select((eb) => eb.fn.countAll<string>().as('count'))
        .executeTakeFirstOrThrow();
      const rows = await base
        .selectAll()
        .orderBy(query.orderBy ?? sql`created_at`)
        .orderBy('id')
        .offset(query.offset)
        .limit(query.limit)
        .execute();
      return { total: Number(total.count), rows: rows.map(toUser) };
    },
    listGroups: async (tenantId, query) => {
      const scope = await scoped();
      const base = scope
        .selectFrom('scim_groups')
        .where('tenant_id', '=', tenantId)
        .$if(query.where !== undefined, (q) => q.where(query.where!));
      const total = await base
        .select((eb) => eb.fn.countAll<string>().as('count'))
        .executeTakeFirstOrThrow();
      const rows = await base
        .selectAll()
        .orderBy(query.orderBy ?? sql`created_at`)
        .orderBy('id')
        .offset(query.offset)
        .limit(query.limit)
        .execute();
      return { total: Number(total.count), rows: rows.map(toGroup) };
    },
    members: async (tenantId, groupId, page) => {
      const scope = await scoped();
      const base = scope
        .selectFrom('scim_group_members')
        .where('tenant_id', '=', tenantId)
        .where('group_id', '=', groupId);
      const total = await base
        .select((eb) => eb.fn.countAll<string>().as('count'))
        .executeTakeFirstOrThrow();
      const rows = await base
        .selectAll()
        .orderBy('member_id')
        .offset(page.offset)
        .limit(page.limit)
        .execute();
      return { total: Number(total.count), rows: rows.map(toMember) };
    },
    hasMembers: async (tenantId, groupId, ids) => {
      if (ids.length === 0) return new Set();
      const rows = await (
        await scoped()
      )
        .selectFrom('scim_group_members')
        .select('member_id')
        .where('tenant_id', '=', tenantId)
        .where('group_id', '=', groupId)
        .where(sql<boolean>`member_id = ANY(${[...ids]}::text[])`)
        .execute();
      return new Set(rows.map((row) => row.member_id));
    },
    groupsOf: async (tenantId, userId) => {
      const rows = await (
        await scoped()
      )
        .selectFrom('scim_group_members as m')
        .innerJoin('scim_groups as g', (join) =>
          join
            .onRef('g.tenant_id', '=', 'm.tenant_id')
            .onRef('g.id', '=', 'm.group_id'),
        )
        .select(['g.id', 'g.display_name'])
        .where('m.tenant_id', '=', tenantId)
        .where('m.member_id', '=', userId)
        .orderBy('g.id')
        .execute();
      return rows.map((row) => ({ id: row.id, displayName: row.display_name }));
    },
  };
}
