import type { Request } from 'express';
import type { CommandContext } from '@roster/ledger';
import { requestInfo } from '@roster/service-kit';
import type { AdminDeps } from '../access-deps';

/** The ledger context of an operator's request on one tenant. */
export function adminContext(
  req: Request,
  deps: AdminDeps,
  tenantId: string,
): CommandContext {
  const { requestId, correlationId, userAgent } = requestInfo(req);

  return {
    store: deps.store,
    tenantId,
    newId: deps.newId,
    request: {
      tenantId,
      actor: { kind: 'admin', id: 'operator' },
      requestId,
      correlationId,
      ...(userAgent === undefined ? {} : { userAgent }),
    },
  };
}
