import { HttpProblem } from '@roster/service-kit';
import type { TenantDirectory } from '../access-deps';

/** Remembered at most; past it the memory starts again. */
const MOST_REMEMBERED = 10_000;

/**
 * A 404 for a tenant that does not exist, so that a mistyped tenant id
 * is not read as "user unknown". Tenants are never deleted: one found
 * is remembered, and a check of it costs no lookup after the first.
 */
export function tenantGuard(
  directory: TenantDirectory,
): (tenantId: string) => Promise<void> {
  const known = new Set<string>();

  return async (tenantId) => {
    if (known.has(tenantId)) return;

    if (!(await directory.tenant(tenantId))) {
      throw new HttpProblem(404, 'Not found', 'tenant not found');
    }
    if (known.size >= MOST_REMEMBERED) known.clear();
    known.add(tenantId);
  };
}
