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

/** A read-model table: the jsonb resource plus typed copies of some paths. */
export interface SqlTarget {
  readonly type: ResourceType;
  /** The jsonb column holding the whole stored resource. */
  readonly resourceColumn: string;
  /** Keyed by canonical path: `userName`, `meta.created`. */
  readonly columns: Readonly<Record<string, SqlColumn>>;
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

/** The `scim_groups` table the read-model projection creates. */
export const groupSqlTarget: SqlTarget = {
  type: groupResourceType,
  resourceColumn: 'resource',
  columns: metaColumns,
};
