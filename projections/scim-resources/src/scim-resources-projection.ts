import {
  defineProjection,
  type ParsedEvent,
  type RegisteredProjection,
} from '@roster/projection-runtime';
import type { Kysely } from 'kysely';
import { foldBatch } from './batch-changes';
import type { ScimDatabase } from './scim-database';
import { scimMigrations } from './scim-migrations';
import { writeGroups, deleteGroups } from './write-groups';
import { writeMembers } from './write-members';
import { deleteUsers, writeUsers } from './write-users';

export const SCIM_RESOURCES = 'scim_resources';

/**
 * SCIM users, groups and memberships for SCIM reads. A batch is folded into
 * net changes and written with set-based statements: rows first, then
 * membership deltas, then deletions with their memberships.
 */
export const scimResourcesProjection: RegisteredProjection =
  defineProjection<ScimDatabase>({
    name: SCIM_RESOURCES,
    version: 1,
    servesReads: true,
    migrations: scimMigrations,
    apply: async (db: Kysely<ScimDatabase>, events: readonly ParsedEvent[]) => {
      const changes = foldBatch(events);
      const users = [...changes.users.values()];
      const groups = [...changes.groups.values()];

      await writeUsers(db, users);
      await writeGroups(db, groups);
      await writeMembers(db, groups);

      await deleteUsers(db, users);
      await deleteGroups(db, groups);
    },
  });
