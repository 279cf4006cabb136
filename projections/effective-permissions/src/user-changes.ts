import { sql, type Kysely } from 'kysely';
import { scimRoleValues } from '@roster/domain';
import type { ParsedEvent } from '@roster/projection-runtime';
import { userNameKey } from './user-name-key';

export type UserEvent = Extract<
  ParsedEvent,
  {
    type:
      | 'UserProvisioned'
      | 'UserAdopted'
      | 'UserAttributesChanged'
      | 'UserDeactivated'
      | 'UserReactivated'
      | 'UserDeleted'
      | 'DirectPermissionGranted'
      | 'DirectPermissionRevoked';
  }
>;

/** Above this many buffered events the buffer is written at once. */
const MAX_EVENTS = 500;

/**
 * User events buffered for one multi-row statement. Each user has at most
 * one buffered event, so the statement's parts touch disjoint rows and
 * their order does not matter. Nothing but the user tables is read or
 * written here, so the buffer only has to be written before a read of
 * them: a recompute or a role lookup.
 */
export class UserChanges {
  #events = new Map<string, UserEvent>();

  get full(): boolean {
    return this.#events.size >= MAX_EVENTS;
  }

  has(userId: string): boolean {
    return this.#events.has(userId);
  }

  add(event: UserEvent): void {
    this.#events.set(event.data.userId, event);
  }

  async write(db: Kysely<unknown>, tenantId: string): Promise<void> {
    if (this.#events.size === 0) return;
    const columns = columnsOf([...this.#events.values()]);
    this.#events = new Map();
    await statementOf(tenantId, columns).execute(db);
  }
}

interface Columns {
  upserted: { ids: string[]; keys: string[]; actives: string[] };
  renamed: { ids: string[]; keys: string[] };
  toggled: { ids: string[]; actives: string[] };
  deleted: string[];
  /** Users whose SCIM role values are replaced, and the new values. */
  roles: { owners: string[]; ids: string[]; values: string[] };
  granted: { ids: string[]; permissions: string[] };
  revoked: { ids: string[]; permissions: string[] };
}

function columnsOf(events: readonly UserEvent[]): Columns {
  const c: Columns = {
    upserted: { ids: [], keys: [], actives: [] },
    renamed: { ids: [], keys: [] },
    toggled: { ids: [], actives: [] },
    deleted: [],
    roles: { owners: [], ids: [], values: [] },
    granted: { ids: [], permissions: [] },
    revoked: { ids: [], permissions: [] },
  };
  for (const event of events) addColumns(c, event);
  return c;
}

function addColumns(c: Columns, event: UserEvent): void {
  const { userId } = event.data;
  const setRoles = (resource: Record<string, unknown>) => {
    c.roles.owners.push(userId);
    for (const value of new Set(scimRoleValues(resource))) {
      c.roles.ids.push(userId);
      c.roles.values.push(value);
    }
  };

  switch (event.type) {
    case 'UserProvisioned':
    case 'UserAdopted':
      c.upserted.ids.push(userId);
      c.upserted.keys.push(userNameKey(event.data.userName));
      c.upserted.actives.push(String(event.data.active));
      return setRoles(event.data.resource);
    case 'UserAttributesChanged':
      c.renamed.ids.push(userId);
      c.renamed.keys.push(userNameKey(event.data.userName));
      return setRoles(event.data.resource);
    case 'UserDeactivated':
    case 'UserReactivated':
      c.toggled.ids.push(userId);
      c.toggled.actives.push(String(event.type === 'UserReactivated'));
      return;
    case 'UserDeleted':
      c.deleted.push(userId);
      return;
    case 'DirectPermissionGranted':
      c.granted.ids.push(userId);
      c.granted.permissions.push(event.data.permission);
      return;
    case 'DirectPermissionRevoked':
      c.revoked.ids.push(userId);
      c.revoked.permissions.push(event.data.permission);
      return;
  }
}

function statementOf(t: string, c: Columns) {
  const { upserted: up, renamed, toggled, roles } = c;
  return sql`WITH
    upserted AS (
      INSERT INTO users (tenant_id, user_id, user_name_key, active)
      SELECT ${t}, x.id, x.key, x.active
      FROM unnest(${up.ids}::text[], ${up.keys}::text[],
        ${up.actives}::boolean[]) AS x(id, key, active)
      ON CONFLICT (tenant_id, user_id) DO UPDATE
      SET user_name_key = excluded.user_name_key, active = excluded.active,
        deleted = false
      RETURNING 1
    ),
    renamed AS (
      UPDATE users u SET user_name_key = x.key
      FROM unnest(${renamed.ids}::text[], ${renamed.keys}::text[])
        AS x(id, key)
      WHERE u.tenant_id = ${t} AND u.user_id = x.id
      RETURNING 1
    ),
    toggled AS (
      UPDATE users u SET active = x.active
      FROM unnest(${toggled.ids}::text[], ${toggled.actives}::boolean[])
        AS x(id, active)
      WHERE u.tenant_id = ${t} AND u.user_id = x.id
      RETURNING 1
    ),
    -- The userName is personal data that a deleted user no longer needs.
    deleted AS (
      UPDATE users SET active = false, deleted = true, user_name_key = ''
      WHERE tenant_id = ${t} AND user_id = ANY(${c.deleted}::text[])
      RETURNING 1
    ),
    new_roles AS (
      SELECT * FROM unnest(${roles.ids}::text[], ${roles.values}::text[])
        AS x(id, value)
    ),
    roles_cleared AS (
      DELETE FROM user_scim_roles s
      WHERE s.tenant_id = ${t} AND s.user_id = ANY(${roles.owners}::text[])
        AND NOT EXISTS (
          SELECT 1 FROM new_roles n
          WHERE n.id = s.user_id AND n.value = s.value
        )
      RETURNING 1
    ),
    roles_added AS (
      INSERT INTO user_scim_roles (tenant_id, user_id, value)
      SELECT ${t}, n.id, n.value FROM new_roles n
      ON CONFLICT DO NOTHING
      RETURNING 1
    ),
    granted AS (
      INSERT INTO grants (tenant_id, user_id, permission)
      SELECT ${t}, x.id, x.permission
      FROM unnest(${c.granted.ids}::text[], ${c.granted.permissions}::text[])
        AS x(id, permission)
      ON CONFLICT DO NOTHING
      RETURNING 1
    ),
    revoked AS (
      DELETE FROM grants g
      USING unnest(${c.revoked.ids}::text[], ${c.revoked.permissions}::text[])
        AS x(id, permission)
      WHERE g.tenant_id = ${t} AND g.user_id = x.id
        AND g.permission = x.permission
      RETURNING 1
    )
    SELECT 1`;
}
