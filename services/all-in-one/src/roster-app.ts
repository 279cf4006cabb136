import type { Express } from 'express';
import {
  accessSurface,
  countedEventStore,
  createServiceApp,
  fastFront,
  finishApp,
  projectionCheck,
  scimRoutes,
  storeChecks,
  tracedEventStore,
} from '@roster/composition';
import { createMemoryRateLimiter, createMetrics } from '@roster/service-kit';
import type { Logger, Metrics } from '@roster/service-kit';
import type { AheadOfApp } from '@roster/composition';
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
  return createRosterHttp(system, options).app;
}

/** `createRosterApp`, and the checks to serve ahead of it (`serve`). */
export function createRosterHttp(
  system: RosterSystem,
  options: AppOptions,
): { readonly app: Express; readonly ahead: AheadOfApp } {
  const metrics = options.metrics ?? createMetrics();
  const { stores } = system;
  const store = tracedEventStore(countedEventStore(stores.eventStore, metrics));
  const requestTimeoutMs = options.requestTimeoutMs ?? 30_000;

  const app = createServiceApp({
    log: options.log,
    metrics,
    requestTimeoutMs,
    health: {
      checks: [
        ...storeChecks(stores),
        projectionCheck(system.runtime, metrics),
      ],
    },
  });
  const access = accessSurface({
    store,
    readStore: stores.readStore,
    keyring: stores.keyring,
    tokens: system.directory,
    afterWrite: system.afterWrite,
    newId: system.newId,
    adminToken: options.adminToken,
    metrics,
  });
  app.use(access.router);
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
  const front = { log: options.log, metrics, requestTimeoutMs };
  return {
    app: finishApp(app),
    ahead: fastFront(access.fastRoutes, front),
  };
}
