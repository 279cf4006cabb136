import { tenantDecider } from '@roster/domain';
import type { EventStore } from '@roster/event-store';
import { loadStream, streams } from '@roster/ledger';
import { HttpProblem } from '@roster/service-kit';

/** 404 unless the tenant was created. */
export async function requireTenant(
  store: EventStore,
  tenantId: string,
): Promise<void> {
  const tenant = await loadStream(
    store,
    streams.tenant(tenantId),
    tenantDecider,
  );
  if (!tenant.state.exists) {
    throw new HttpProblem(404, 'Not found', 'tenant not found');
  }
}
