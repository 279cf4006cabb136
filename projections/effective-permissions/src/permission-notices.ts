import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { RecomputeResult } from './recompute-affected';

/** NOTIFY channel of effective-permission changes, sent on commit. */
export const PERMISSIONS_CHANNEL = 'roster_permissions_changed';

/** Above this many users a notice names the whole tenant instead. */
const MAX_USERS = 50;
const MAX_PAYLOAD = 7000;

/**
 * One tenant's changed users, or `all` when too many to name. `version`
 * counts the tenant's changed batches: a gap means a notice was missed.
 */
export const permissionNotice = z.object({
  tenantId: z.string(),
  version: z.number().int(),
  /** Date.now() of the projector when it queued the notice. */
  at: z.number().optional(),
  users: z.union([z.array(z.string()), z.literal('all')]),
});

export type PermissionNotice = z.infer<typeof permissionNotice>;

/** Collects the changes of one apply call, per tenant. */
export class NoticeCollector {
  readonly #byTenant = new Map<string, Set<string> | 'all'>();

  add(tenantId: string, result: RecomputeResult): void {
    if (result.changed === 0) return;
    const known = this.#byTenant.get(tenantId) ?? new Set<string>();
    if (known === 'all' || result.changed > result.sample.length) {
      this.#byTenant.set(tenantId, 'all');
      return;
    }

    result.sample.forEach((userId) => known.add(userId));
    this.#byTenant.set(tenantId, known.size > MAX_USERS ? 'all' : known);
  }

  /** Queues the notices; PostgreSQL delivers them when the batch commits. */
  async send(db: Kysely<unknown>): Promise<void> {
    for (const [tenantId, users] of this.#byTenant) {
      const version = await bumpVersion(db, tenantId);
      const notice: PermissionNotice = {
        tenantId,
        version,
        at: Date.now(),
        users: users === 'all' ? 'all' : [...users],
      };
      let payload = JSON.stringify(notice);
      if (payload.length > MAX_PAYLOAD) {
        payload = JSON.stringify({ ...notice, users: 'all' });
      }
      await sql`SELECT pg_notify(${PERMISSIONS_CHANNEL}, ${payload})`.execute(
        db,
      );
    }
  }
}

async function bumpVersion(
  db: Kysely<unknown>,
  tenantId: string,
): Promise<number> {
  const { rows } = await sql<{ version: string }>`
    INSERT INTO permission_versions (tenant_id, version) VALUES (${tenantId}, 1)
    ON CONFLICT (tenant_id) DO UPDATE
    SET version = permission_versions.version + 1
    RETURNING version`.execute(db);
  return Number(rows[0]?.version ?? 0);
}

/** Parses a notice; undefined for a payload that is not one. */
export function parsePermissionNotice(
  payload: string,
): PermissionNotice | undefined {
  try {
    const parsed = permissionNotice.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
