import { sql, type Kysely } from 'kysely';
import type { GroupChange } from './batch-changes';
import type { ScimDatabase } from './scim-database';

/** Inserts created groups, patches known ones: two statements. */
export async function writeGroups(
  db: Kysely<ScimDatabase>,
  changes: readonly GroupChange[],
): Promise<void> {
  const live = changes.filter((change) => !change.deleted);
  const created = live.filter((change) => change.created);
  const patched = live.filter((change) => !change.created);

  if (created.length > 0) await insertGroups(db, created);
  if (patched.length > 0) await patchGroups(db, patched);
}

async function insertGroups(
  db: Kysely<ScimDatabase>,
  changes: readonly GroupChange[],
): Promise<void> {
  const rows = changes.map((change) => ({
    tenant_id: change.tenantId,
    id: change.id,
    display_name: change.displayName ?? '',
    external_id: externalIdOf(change.resource),
    resource: change.resource ?? {},
    version: change.version,
    created_at: change.created?.at.toISOString(),
    last_modified: (change.lastModified ?? change.created?.at)?.toISOString(),
  }));

  await sql`INSERT INTO scim_groups (tenant_id, id, display_name, external_id,
      resource, version, created_at, last_modified)
    SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(
      tenant_id text, id text, display_name text, external_id text,
      resource jsonb, version integer, created_at timestamptz,
      last_modified timestamptz)
    ON CONFLICT (tenant_id, id) DO NOTHING`.execute(db);
}

async function patchGroups(
  db: Kysely<ScimDatabase>,
  changes: readonly GroupChange[],
): Promise<void> {
  const rows = changes.map((change) => ({
    tenant_id: change.tenantId,
    id: change.id,
    display_name: change.displayName ?? null,
    has_resource: change.resource !== undefined,
    resource: change.resource ?? null,
    external_id: externalIdOf(change.resource),
    version: change.version,
    last_modified: change.lastModified?.toISOString() ?? null,
  }));

  await sql`UPDATE scim_groups AS g SET
      display_name = coalesce(p.display_name, g.display_name),
      resource = CASE WHEN p.has_resource THEN p.resource ELSE g.resource END,
      external_id = CASE WHEN p.has_resource THEN p.external_id
        ELSE g.external_id END,
      version = p.version,
      last_modified = coalesce(p.last_modified, g.last_modified)
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS p(
      tenant_id text, id text, display_name text, has_resource boolean,
      resource jsonb, external_id text, version integer,
      last_modified timestamptz)
    WHERE g.tenant_id = p.tenant_id AND g.id = p.id`.execute(db);
}

function externalIdOf(
  resource: Record<string, unknown> | undefined,
): string | null {
  const value = resource?.['externalId'];
  return typeof value === 'string' ? value : null;
}

/** Deletes groups, their members and their memberships in other groups. */
export async function deleteGroups(
  db: Kysely<ScimDatabase>,
  changes: readonly GroupChange[],
): Promise<void> {
  const gone = changes.filter((change) => change.deleted);
  if (gone.length === 0) return;

  const tenants = gone.map((change) => change.tenantId);
  const ids = gone.map((change) => change.id);
  await sql`DELETE FROM scim_groups WHERE (tenant_id, id) IN (
    SELECT * FROM unnest(${tenants}::text[], ${ids}::text[]))`.execute(db);
  await sql`DELETE FROM scim_group_members WHERE (tenant_id, group_id) IN (
    SELECT * FROM unnest(${tenants}::text[], ${ids}::text[]))`.execute(db);
  await sql`DELETE FROM scim_group_members WHERE member_type = 'Group'
    AND (tenant_id, member_id) IN (
      SELECT * FROM unnest(${tenants}::text[], ${ids}::text[]))`.execute(db);
}
