import { randomUUID } from 'node:crypto';
import { DomainError } from '@roster/domain';
import type { RequestContext } from '@roster/domain';
import type { EventStore, Position } from '@roster/event-store';
import { START, maxPosition } from '@roster/event-store';
import { runTenantCommand } from '@roster/ledger';
import type { TenantDirectoryReader } from '@roster/projection-tenant-directory';
import { hashToken } from '@roster/service-kit';

export interface BootstrapOptions {
  readonly tenantId: string;
  readonly scimToken: string;
}

/**
 * Makes sure the bootstrap tenant exists and accepts the bootstrap SCIM
 * token; safe to run at every start. Returns the last position written.
 */
export async function bootstrapTenant(
  store: EventStore,
  directory: TenantDirectoryReader,
  options: BootstrapOptions,
  afterWrite: (tenantId: string, position: Position) => Promise<void>,
): Promise<Position> {
  const { tenantId } = options;
  const ctx = {
    store,
    tenantId,
    request: systemContext(tenantId),
    newId: () => 'bootstrap',
  };
  let position = START;

  try {
    const created = await runTenantCommand(ctx, {
      type: 'CreateTenant',
      tenantId,
      name: tenantId,
    });
    position = created.position;
  } catch (error) {
    if (!(error instanceof DomainError && error.code === 'already-exists'))
      throw error;
  }
  await afterWrite(tenantId, position);

  const tokenHash = hashToken(options.scimToken);
  if (await directory.findToken(tokenHash)) return position;

  const issued = await runTenantCommand(ctx, {
    type: 'IssueToken',
    kind: 'scim',
    tokenId: `bootstrap-${tokenHash.slice(0, 12)}`,
    tokenHash,
    label: 'ROSTER_BOOTSTRAP_SCIM_TOKEN',
  });
  await afterWrite(tenantId, issued.position);
  return maxPosition(position, issued.position);
}

function systemContext(tenantId: string): RequestContext {
  const requestId = randomUUID();
  return {
    tenantId,
    actor: { kind: 'system', id: 'bootstrap' },
    requestId,
    correlationId: requestId,
  };
}
