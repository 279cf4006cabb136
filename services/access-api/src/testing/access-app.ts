import express, { type Express } from 'express';
import type { FastRoute, Metrics } from '@roster/service-kit';
import {
  openPermissionsHarness,
  type PermissionsHarness,
} from '@roster/projection-effective-permissions/testing';
import {
  createTenantDirectoryReader,
  tenantDirectoryProjection,
} from '@roster/projection-tenant-directory';
import {
  createLogger,
  createMetrics,
  generateToken,
  hashToken,
  requestContext,
} from '@roster/service-kit';
import { createAccessRoutes } from '../access-router';
import { createAdminRouter } from '../admin-router';

/** Both routers over a real ledger and read store, as a test app. */
export interface AccessApp {
  readonly app: Express;
  readonly harness: PermissionsHarness;
  readonly operatorToken: string;
  /** The check route the router mounts, to serve ahead of express. */
  readonly checkRoute: FastRoute;
  readonly metrics: Metrics;
  close(): Promise<void>;
}

export async function openAccessApp(
  url?: string,
  tokenCacheMs = 0,
): Promise<AccessApp> {
  const harness = await openPermissionsHarness({
    ...(url === undefined ? {} : { url }),
    projections: [tenantDirectoryProjection],
  });
  const operatorToken = generateToken('rst_op');
  const operatorTokenHash = hashToken(operatorToken);

  const metrics = createMetrics();
  const access = createAccessRoutes({
    readClient: harness.client,
    tokens: createTenantDirectoryReader(harness.readStore.db),
    operatorTokenHash,
    metrics,
    tokenCacheMs,
  });

  const app = express();
  app.use(requestContext(createLogger('silent')));
  app.use(
    '/admin/v1',
    createAdminRouter({
      store: harness.store,
      consistency: { afterWrite: harness.afterWrite },
      operatorTokenHash,
      newId: () => harness.ctx('x').newId(),
    }),
  );
  app.use('/v1', access.router);
  return {
    app,
    harness,
    operatorToken,
    checkRoute: access.checkRoute,
    metrics,
    close: () => harness.close(),
  };
}
