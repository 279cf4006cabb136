import type { Generated } from 'kysely';

/**
 * One continuous stretch during which a user held a permission through one
 * source. `revoked_at` null: held now.
 */
export interface AccessIntervalsTable {
  interval_id: Generated<string>;
  tenant_id: string;
  user_id: string;
  permission: string;
  /** Stable text form of the source: `direct`, `group|role|groupId`... */
  source_key: string;
  source: unknown;
  granted_at: Date;
  revoked_at: Date | null;
}

export interface AccessIntervalsDatabase {
  access_intervals: AccessIntervalsTable;
}
