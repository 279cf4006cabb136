import { sql, type Kysely } from 'kysely';
import type { UserChange } from './batch-changes';
import { indexedFields } from './indexed-fields';
import type { ScimDatabase } from './scim-database';

/** Inserts provisioned users, patches known ones: two statements. */
export async function writeUsers(
  db: Kysely<ScimDatabase>,
  changes: readonly UserChange[],
): Promise<void> {
  const live = changes.filter((change) => !change.deleted);
  const created = live.filter((change) => change.created);
  const patched = live.filter((change) => !change.created);

  if (created.length > 0) await insertUsers(db, created);
  if (patched.length > 0) await patchUsers(db, patched);
}

async function insertUsers(
  db: Kysely<ScimDatabase>,
  changes: readonly UserChange[],
): Promise<void> {
  const rows = changes.map((change) => {
    const resource = change.resource ?? {};
    const userName = change.userName ?? '';
    return {
      tenant_id: change.tenantId,
      id: change.id,
      user_name: userName,
      // TODO(limit): not the ledger's key (NFC, then lower case), and a
      // rename and the filter take PostgreSQL's lower() instead.
      user_name_lower: userName.toLowerCase(),
      ...indexedFields(resource),
      active: change.active ?? false,
      origin: change.origin ?? change.created?.origin ?? 'scim',
      resource,
      version: change.version,
      created_at: change.created?.at.toISOString(),
      last_modified: (change.lastModified ?? change.created?.at)?.toISOString(),
    };
  });

  await sql`INSERT INTO scim_users (tenant_id, id, user_name, user_name_lower,
      external_id, display_name, emails, active, origin, resource, version,
      created_at, last_modified)
    SELECT tenant_id, id, user_name, user_name_lower, external_id,
      display_name, ARRAY(SELECT jsonb_array_elements_text(emails)), active,
      origin, resource, version, created_at, last_modified
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(
      tenant_id text, id text, user_name text, user_name_lower text,
      external_id text, display_name text, emails jsonb, active boolean,
      origin text, resource jsonb, version integer, created_at timestamptz,
      last_modified timestamptz)
    ON CONFLICT (tenant_id, id) DO NOTHING`.execute(db);
}

async function patchUsers(
  db: Kysely<ScimDatabase>,
  changes: readonly UserChange[],
): Promise<void> {
  const rows = changes.map((change) => ({
    tenant_id: change.tenantId,
    id: change.id,
    user_name: change.userName ?? null,
    has_resource: change.resource !== undefined,
    resource: change.resource ?? null,
    ...(change.resource ? indexedFields(change.resource) : {}),
    active: change.active ?? null,
    origin: change.origin ?? null,
    version: change.version,
    last_modified: change.lastModified?.toISOString() ?? null,
  }));

  await sql`UPDATE scim_users AS u SET
      user_name = coalesce(p.user_name, u.user_name),
      user_name_lower = coalesce(lower(p.user_name), u.user_name_lower),
      resource = CASE WHEN p.has_resource THEN p.resource ELSE u.resource END,
      external_id = CASE WHEN p.has_resource THEN p.external_id
        ELSE u.external_id END,
      display_name = CASE WHEN p.has_resource THEN p.display_name
        ELSE u.display_name END,
      emails = CASE WHEN p.has_resource
        THEN ARRAY(SELECT jsonb_array_elements_text(p.emails))
        ELSE u.emails END,
      active = coalesce(p.active, u.active),
      origin = coalesce(p.origin, u.origin),
      version = p.version,
      last_modified = coalesce(p.last_modified, u.last_modified)
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS p(
      tenant_id text, id text, user_name text, has_resource boolean,
      resource jsonb, external_id text, display_name text, emails jsonb,
      active boolean, origin text, version integer, last_modified timestamptz)
    WHERE u.tenant_id = p.tenant_id AND u.id = p.id`.execute(db);
}

/** Deletes users and their memberships. */
export async function deleteUsers(
  db: Kysely<ScimDatabase>,
  changes: readonly UserChange[],
): Promise<void> {
  const gone = changes.filter((change) => change.deleted);
  if (gone.length === 0) return;

  const tenants = gone.map((change) => change.tenantId);
  const ids = gone.map((change) => change.id);
  await sql`DELETE FROM scim_users WHERE (tenant_id, id) IN (
    SELECT * FROM unnest(${tenants}::text[], ${ids}::text[]))`.execute(db);
  await sql`DELETE FROM scim_group_members WHERE member_type = 'User'
    AND (tenant_id, member_id) IN (
      SELECT * FROM unnest(${tenants}::text[], ${ids}::text[]))`.execute(db);
}
