import { sql, type Kysely } from 'kysely';

/** Users whose sources changed; `sample` holds up to SAMPLE_SIZE of them. */
export interface RecomputeResult {
  readonly changed: number;
  readonly sample: readonly string[];
}

export const SAMPLE_SIZE = 50;

/** A user to recompute, and the time of the event that changed it. */
export interface AffectedUser {
  readonly userId: string;
  readonly at: Date;
}

/**
 * Derives the sources of every affected user (each named once) from the
 * state tables in one statement, then writes the difference: intervals
 * closed and opened at the user's own time, effective rows deleted or
 * upserted. All parts see the state before the statement, so the diff is
 * against the old sources.
 */
export async function recomputeAffected(
  db: Kysely<unknown>,
  tenantId: string,
  users: readonly AffectedUser[],
): Promise<RecomputeResult> {
  if (users.length === 0) return { changed: 0, sample: [] };
  const t = tenantId;
  const ids = users.map((user) => user.userId);
  const ats = users.map((user) => user.at.toISOString());
  const { rows } = await sql<{ changed: string; sample: string[] | null }>`
    WITH RECURSIVE
    affected AS (
      SELECT * FROM unnest(${ids}::text[], ${ats}::timestamptz[])
        AS a(user_id, at)
    ),
    live AS (
      SELECT u.user_id, a.at FROM users u JOIN affected a ON a.user_id = u.user_id
      WHERE u.tenant_id = ${t} AND u.active AND NOT u.deleted
    ),
    -- Each row carries its user's time: no later join can go quadratic.
    reach(user_id, at, group_id) AS (
      SELECT m.member_id, l.at, m.group_id FROM live l
      JOIN memberships m ON m.tenant_id = ${t}
        AND m.member_id = l.user_id AND m.member_type = 'User'
      UNION
      SELECT r.user_id, r.at, m.group_id FROM reach r
      JOIN memberships m ON m.tenant_id = ${t}
        AND m.member_id = r.group_id AND m.member_type = 'Group'
    ),
    group_roles AS (
      SELECT r.user_id, r.at, r.group_id, mp.role FROM reach r
      JOIN groups g ON g.tenant_id = ${t} AND g.group_id = r.group_id
      JOIN mappings mp ON mp.tenant_id = ${t} AND mp.kind = 'group'
        AND mp.match = r.group_id
      UNION
      SELECT r.user_id, r.at, r.group_id, mp.role FROM reach r
      JOIN groups g ON g.tenant_id = ${t} AND g.group_id = r.group_id
      JOIN mappings mp ON mp.tenant_id = ${t} AND mp.kind = 'groupDisplayName'
        AND mp.match = g.display_name_key
    ),
    next AS (
      SELECT gr.user_id, gr.at, rp.permission,
        'group|' || gr.role || '|' || gr.group_id AS source_key,
        jsonb_build_object('kind', 'group', 'role', gr.role,
          'groupId', gr.group_id) AS source
      FROM group_roles gr
      JOIN role_permissions rp ON rp.tenant_id = ${t} AND rp.role = gr.role
      UNION
      SELECT s.user_id, l.at, rp.permission,
        'scimRole|' || mp.role || '|' || s.value,
        jsonb_build_object('kind', 'scimRole', 'role', mp.role,
          'value', s.value)
      FROM live l
      JOIN user_scim_roles s ON s.tenant_id = ${t} AND s.user_id = l.user_id
      JOIN mappings mp ON mp.tenant_id = ${t} AND mp.kind = 'scimRole'
        AND mp.match = s.value
      JOIN role_permissions rp ON rp.tenant_id = ${t} AND rp.role = mp.role
      UNION
      SELECT gt.user_id, l.at, gt.permission, 'direct',
        '{"kind":"direct"}'::jsonb
      FROM live l
      JOIN grants gt ON gt.tenant_id = ${t} AND gt.user_id = l.user_id
    ),
    open AS (
      SELECT i.interval_id, i.user_id, a.at, i.permission, i.source_key
      FROM affected a
      JOIN access_intervals i ON i.tenant_id = ${t}
        AND i.user_id = a.user_id AND i.revoked_at IS NULL
    ),
    -- FULL JOINs can only hash or merge: never quadratic, whatever the
    -- planner guesses about the size of the affected set.
    interval_diff AS (
      SELECT o.interval_id, n.user_id, coalesce(n.at, o.at) AS at,
        n.permission, n.source_key, n.source
      FROM next n FULL JOIN open o ON o.user_id = n.user_id
        AND o.permission = n.permission AND o.source_key = n.source_key
      WHERE o.interval_id IS NULL OR n.user_id IS NULL
    ),
    closed AS (
      -- Another ingress's clock may lag: an interval never ends before it began.
      UPDATE access_intervals i SET revoked_at = greatest(d.at, i.granted_at)
      FROM interval_diff d
      WHERE d.user_id IS NULL AND i.interval_id = d.interval_id
      RETURNING i.user_id
    ),
    opened AS (
      INSERT INTO access_intervals
        (tenant_id, user_id, permission, source_key, source, granted_at)
      SELECT ${t}, d.user_id, d.permission, d.source_key, d.source, d.at
      FROM interval_diff d WHERE d.interval_id IS NULL
      RETURNING user_id
    ),
    wanted AS (
      SELECT n.user_id, n.permission,
        jsonb_agg(n.source ORDER BY n.source_key) AS sources
      FROM next n GROUP BY n.user_id, n.permission
    ),
    held AS (
      SELECT e.user_id, e.permission, e.sources FROM affected a
      JOIN effective_permissions e ON e.tenant_id = ${t}
        AND e.user_id = a.user_id
    ),
    row_diff AS (
      SELECT coalesce(w.user_id, h.user_id) AS user_id,
        coalesce(w.permission, h.permission) AS permission,
        w.sources AS wanted
      FROM wanted w FULL JOIN held h ON h.user_id = w.user_id
        AND h.permission = w.permission
      WHERE w.sources IS DISTINCT FROM h.sources
    ),
    dropped AS (
      DELETE FROM effective_permissions e USING row_diff d
      WHERE d.wanted IS NULL AND e.tenant_id = ${t}
        AND e.user_id = d.user_id AND e.permission = d.permission
      RETURNING e.user_id
    ),
    upserted AS (
      INSERT INTO effective_permissions (tenant_id, user_id, permission, sources)
      SELECT ${t}, d.user_id, d.permission, d.wanted
      FROM row_diff d WHERE d.wanted IS NOT NULL
      ON CONFLICT (tenant_id, user_id, permission) DO UPDATE
        SET sources = excluded.sources
      RETURNING user_id
    ),
    changed AS (
      SELECT user_id FROM closed UNION SELECT user_id FROM opened
      UNION SELECT user_id FROM dropped UNION SELECT user_id FROM upserted
    )
    SELECT count(*) AS changed,
      (SELECT array_agg(user_id) FROM (
        SELECT user_id FROM changed ORDER BY user_id LIMIT ${SAMPLE_SIZE}
      ) s) AS sample
    FROM changed`.execute(db);

  const row = rows[0];
  return { changed: Number(row?.changed ?? 0), sample: row?.sample ?? [] };
}
