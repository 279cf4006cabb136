import type { Kysely } from 'kysely';
import { INTERVALS_PROJECTION } from '@roster/projection-access-intervals';
import { defineProjection } from '@roster/projection-runtime';
import type { RegisteredProjection } from '@roster/projection-runtime';
import { instantsByTenant } from './instants';
import { effectivePermissionsMigrations } from './effective-permissions-migrations';
import type { EffectivePermissionsDatabase } from './effective-permissions-tables';
import { NoticeCollector } from './permission-notices';
import { TenantWave } from './tenant-wave';

/**
 * Effective permissions per (tenant, user, permission) with their sources,
 * and the access intervals, written together from the same diff.
 */
export const effectivePermissionsProjection: RegisteredProjection =
  defineProjection<EffectivePermissionsDatabase>({
    name: INTERVALS_PROJECTION,
    version: 1,
    // A SCIM write answers only once checks see it (revocation included).
    servesReads: true,
    migrations: effectivePermissionsMigrations,
    async apply(db, events) {
      const raw = db as unknown as Kysely<unknown>;
      const notices = new NoticeCollector();

      for (const [tenantId, instants] of instantsByTenant(events)) {
        const wave = new TenantWave(raw, tenantId, notices);
        for (const instant of instants) await wave.apply(instant);
        await wave.flush();
      }
      await notices.send(raw);
    },
  });
