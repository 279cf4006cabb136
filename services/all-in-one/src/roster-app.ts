import express from 'express';
import type { Express } from 'express';
import {
  createScimRouter,
  defaultScimLimits,
  scimReadModel,
} from '@roster/scim-ingress';

import { createAccessRouter, createAdminRouter } from '@roster/access-api';
import {
  createMetrics,
  hashToken,
  requestContext,
  requestMetrics,
} from '@roster/service-kit';
import type { Logger, Metrics } from '@roster/service-kit';
import { healthRoutes } from './health-routes';
import type { RosterSystem } from './roster-system';

export interface AppOptions {
  readonly log: Logger;
  /** The operator's bearer token, for /admin/v1 and /v1. */
  readonly adminToken: string;
  readonly metrics?: Metrics;
}

/** The HTTP surface of the all-in-one process. */
export function createRosterApp(
  system: RosterSystem,
  options: AppOptions,
): Express {
  const metrics = options.metrics ?? createMetrics();
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);

  app.use(requestContext(options.log));
  app.use(requestMetrics(metrics));
  app.use(healthRoutes(system, metrics));
  const operatorTokenHash = hashToken(options.adminToken);
  app.use(
    '/admin/v1',
    createAdminRouter({
      store: system.stores.eventStore,
      consistency: { afterWrite: system.afterWrite },
      operatorTokenHash,
      newId: system.newId,
    }),
  );
  app.use(
    '/v1',
    createAccessRouter({
      readClient: system.stores.readStore.client,
      tokens: system.directory,
      operatorTokenHash,
      metrics,
    }),
  );
  app.use(
    '/scim/v2',
    createScimRouter({
      store: system.stores.eventStore,
      reader: scimReadModel(system.stores.readStore.db),
      tokens: system.directory,
      consistency: { afterWrite: system.afterWrite },
      limits: defaultScimLimits,
      newId: system.newId,
    }),
  );
  return app;
}
