import express, { type Express } from 'express';
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
import { createAccessRouter } from '../access-router';
import { createAdminRouter } from '../admin-router';

/** Both routers over a real ledger and read store, as a test app. */
export interface AccessApp {
  readonly app: Express;
  readonly harness: PermissionsHarness;
  readonly operatorToken: string;
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
  app.use(
    '/v1',
    createAccessRouter({
      readClient: harness.client,
      tokens: createTenantDirectoryReader(harness.readStore.db),
      operatorTokenHash,
      metrics: createMetrics(),
      tokenCacheMs,
    }),
  );
  return { app, harness, operatorToken, close: () => harness.close() };
}
