import type { Request } from 'express';
import type { CommandContext } from '@roster/ledger';
import { requestInfo } from '@roster/service-kit';
import type { ScimDeps } from '../scim-deps';
import { scimCaller } from './tenant-auth';

/** The ledger context of a SCIM request: its tenant, token and ids. */
export function commandContext(req: Request, deps: ScimDeps): CommandContext {
  const { tenantId, tokenId } = scimCaller(req);
  const { requestId, correlationId, userAgent } = requestInfo(req);

  return {
    store: deps.store,
    tenantId,
    newId: deps.newId,
    request: {
      tenantId,
      actor: { kind: 'scim-token', id: tokenId },
      requestId,
      correlationId,
      ...(userAgent === undefined ? {} : { userAgent }),
    },
  };
}
