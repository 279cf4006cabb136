import { Router } from 'express';
import {
  createAccessRoutes,
  createAdminRouter,
  createAuditRouter,
  createErasureRouter,
} from '@roster/access-api';
import type { TenantDirectory } from '@roster/access-api';
import type { UserKeyring } from '@roster/audit';
import type { EventStore, Position } from '@roster/event-store';
import type { ReadStore } from '@roster/read-store';
import { hashToken } from '@roster/service-kit';
import type { FastRoute, Metrics } from '@roster/service-kit';
import { writeGate } from './write-gate';

export interface AccessWiring {
  readonly store: EventStore;
  readonly keyring: UserKeyring;
  readonly readStore: ReadStore;
  readonly tokens: TenantDirectory;
  readonly afterWrite: (tenantId: string, position: Position) => Promise<void>;
  readonly newId: () => string;
  readonly adminToken: string;
  readonly metrics: Metrics;
  readonly writesOpen?: () => boolean;
}

/** The access API's routers, and its hot routes for `serve`'s `ahead`. */
export interface AccessSurface {
  readonly router: Router;
  readonly fastRoutes: readonly FastRoute[];
}

/** /admin/v1 and /v1, both behind the operator token or service tokens. */
export function accessRoutes(wiring: AccessWiring): Router {
  return accessSurface(wiring).router;
}

/** `accessRoutes`, and the check route to serve ahead of express. */
export function accessSurface(wiring: AccessWiring): AccessSurface {
  const router = Router();
  const operatorTokenHash = hashToken(wiring.adminToken);

  const admin = Router();
  if (wiring.writesOpen)
    admin.use(writeGate(wiring.writesOpen, wiring.metrics));
  // Before the admin router, whose catch-all answers 404.
  admin.use(
    createErasureRouter({
      store: wiring.store,
      keyring: wiring.keyring,
      consistency: { afterWrite: wiring.afterWrite },
      operatorTokenHash,
      newId: wiring.newId,
    }),
  );
  admin.use(
    createAdminRouter({
      store: wiring.store,
      consistency: { afterWrite: wiring.afterWrite },
      operatorTokenHash,
      newId: wiring.newId,
    }),
  );
  router.use('/admin/v1', admin);
  const access = createAccessRoutes({
    readClient: wiring.readStore.client,
    tokens: wiring.tokens,
    operatorTokenHash,
    metrics: wiring.metrics,
  });
  router.use('/v1', access.router);
  router.use(
    '/v1',
    createAuditRouter({
      store: wiring.store,
      readDb: wiring.readStore.db,
      tokens: wiring.tokens,
      operatorTokenHash,
    }),
  );
  return { router, fastRoutes: [access.checkRoute] };
}
