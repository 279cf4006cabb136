import { defineProjection } from '@roster/projection-runtime';
import type { RegisteredProjection } from '@roster/projection-runtime';
import { foldDirectory } from './directory-changes';
import { tenantDirectoryMigrations } from './tenant-directory-migrations';
import type { TenantDirectoryDatabase } from './tenant-directory-tables';
import { writeDirectory } from './write-directory';

/**
 * Tenants and the hashes of their SCIM and service tokens. A batch is
 * folded into its net rows and written with set-based statements.
 */
export const tenantDirectoryProjection: RegisteredProjection =
  defineProjection<TenantDirectoryDatabase>({
    name: 'tenant_directory',
    version: 1,
    // A token works in the request right after the one that issued it.
    servesReads: true,
    migrations: tenantDirectoryMigrations,
    async apply(db, events) {
      await writeDirectory(db, foldDirectory(events));
    },
  });
