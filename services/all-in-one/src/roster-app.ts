import type { Express } from 'express';
import {
  accessRoutes,
  countedEventStore,
  createServiceApp,
  finishApp,
  projectionCheck,
  scimRoutes,
  storeChecks,
} from '@roster/composition';
import { createMemoryRateLimiter, createMetrics } from '@roster/service-kit';
import type { Logger, Metrics } from '@roster/service-kit';
import type { RosterSystem } from './roster-system';

export interface AppOptions {
  readonly log: Logger;
  /** The operator's bearer token, for /admin/v1 and /v1. */
  readonly adminToken: string;
  readonly metrics?: Metrics;
  /** SCIM requests per second and tenant. Default 200. */
  readonly rateLimitPerSecond?: number;
  /** A slower request is answered 503. Default 30000. */
  readonly requestTimeoutMs?: number;
}

/** The HTTP surface of the all-in-one process. */
export function createRosterApp(
  system: RosterSystem,
  options: AppOptions,
): Express {
  const metrics = options.metrics ?? createMetrics();
  const { stores } = system;
  const store = countedEventStore(stores.eventStore, metrics);

  const app = createServiceApp({
    log: options.log,
    metrics,
    requestTimeoutMs: options.requestTimeoutMs ?? 30_000,
    health: {
      checks: [
        ...storeChecks(stores),
        projectionCheck(system.runtime, metrics),
      ],
    },
  });
  app.use(
    accessRoutes({
      store,
      readStore: stores.readStore,
      keyring: stores.keyring,
      tokens: system.directory,
      afterWrite: system.afterWrite,
      newId: system.newId,
      adminToken: options.adminToken,
      metrics,
    }),
  );
  app.use(
    '/scim/v2',
    scimRoutes({
      store,
      readStore: stores.readStore,
      tokens: system.directory,
      afterWrite: system.afterWrite,
      newId: system.newId,
      limiter: createMemoryRateLimiter({
        limit: options.rateLimitPerSecond ?? 200,
      }),
      metrics,
    }),
  );
  return finishApp(app);
}
