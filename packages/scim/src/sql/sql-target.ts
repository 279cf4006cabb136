import { expressionBuilder, sql } from 'kysely';
import type { RawBuilder, SqlBool } from 'kysely';
import type { ResourceType } from '../schema/resource-type';
import { groupResourceType, userResourceType } from '../schema/resource-type';

/**
 * How a typed column holds an attribute: `lowerText` holds lower(value),
 * `text` the value as stored.
 */
export type SqlColumnKind = 'text' | 'lowerText' | 'boolean' | 'timestamptz';

export interface SqlColumn {
  readonly column: string;
  readonly kind: SqlColumnKind;
}

/**
 * A multi-valued attribute kept in a table of its own: builds `EXISTS`
 * over its rows, each row seen as a jsonb element by `condition`.
 */
export type SqlElementRows = (
  condition: (element: RawBuilder<unknown>) => RawBuilder<unknown>,
) => RawBuilder<unknown>;

/** A read-model table: the jsonb resource plus typed copies of some paths. */
export interface SqlTarget {
  readonly type: ResourceType;
  /** The jsonb column holding the whole stored resource. */
  readonly resourceColumn: string;
  /** Keyed by canonical path: `userName`, `meta.created`. */
  readonly columns: Readonly<Record<string, SqlColumn>>;
  /** Keyed by attribute name: multi-valued attributes in side tables. */
  readonly elementRows?: Readonly<Record<string, SqlElementRows>>;
}

const metaColumns: Readonly<Record<string, SqlColumn>> = {
  id: { column: 'id', kind: 'text' },
  externalId: { column: 'external_id', kind: 'text' },
  displayName: { column: 'display_name', kind: 'text' },
  'meta.created': { column: 'created_at', kind: 'timestamptz' },
  'meta.lastModified': { column: 'last_modified', kind: 'timestamptz' },
};

/** The `scim_users` table the read-model projection creates. */
export const userSqlTarget: SqlTarget = {
  type: userResourceType,
  resourceColumn: 'resource',
  columns: {
    ...metaColumns,
    userName: { column: 'user_name_lower', kind: 'lowerText' },
    active: { column: 'active', kind: 'boolean' },
  },
};

/**
 * Members of the row's group from `scim_group_members`, as elements
 * `{value, type}`. Built with Kysely's query builder, so a schema given to
 * the outer query (withSchema) reaches this table too.
 */
const groupMembers: SqlElementRows = (condition) => {
  const element = sql`jsonb_build_object('value', m.member_id, 'type', m.member_type)`;
  const rows = expressionBuilder<MembersDatabase, 'scim_groups'>()
    .selectFrom('scim_group_members as m')
    .select(sql.lit(1).as('one'))
    .whereRef('m.tenant_id', '=', 'scim_groups.tenant_id')
    .whereRef('m.group_id', '=', 'scim_groups.id')
    .where(sql<SqlBool>`${condition(element)}`);
  return sql`EXISTS (${rows})`;
};

interface MembersDatabase {
  scim_groups: { tenant_id: string; id: string };
  scim_group_members: {
    tenant_id: string;
    group_id: string;
    member_id: string;
    member_type: string;
  };
}

/** The `scim_groups` table the read-model projection creates. */
export const groupSqlTarget: SqlTarget = {
  type: groupResourceType,
  resourceColumn: 'resource',
  columns: metaColumns,
  elementRows: { members: groupMembers },
};
