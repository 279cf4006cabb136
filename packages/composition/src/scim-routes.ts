import { Router } from 'express';
import type { EventStore, Position } from '@roster/event-store';
import type { ReadStore } from '@roster/read-store';
import {
  createScimRouter,
  defaultScimLimits,
  scimReadModel,
} from '@roster/scim-ingress';
import type { TokenLookup } from '@roster/scim-ingress';
import { cachedTokenLookup } from '@roster/projection-tenant-directory';
import { rateLimit } from '@roster/service-kit';
import type { Metrics, RateLimiter } from '@roster/service-kit';
import { refuse } from './refusals';
import { tenantKeyOf } from './tenant-key';
import { writeGate } from './write-gate';

/** How long a SCIM token, once found, is trusted without asking again. */
const TOKEN_CACHE_MS = 1000;

export interface ScimWiring {
  readonly store: EventStore;
  readonly readStore: ReadStore;
  readonly tokens: TokenLookup;
  readonly afterWrite: (tenantId: string, position: Position) => Promise<void>;
  readonly newId: () => string;
  readonly limiter: RateLimiter;
  readonly metrics: Metrics;
  /** Production: false while a write could not be made visible. */
  readonly writesOpen?: () => boolean;
}

/** /scim/v2: per-tenant rate limit, write gate, then the SCIM router. */
export function scimRoutes(wiring: ScimWiring): Router {
  const router = Router();
  const tokens = cachedTokenLookup(wiring.tokens, TOKEN_CACHE_MS);

  router.use(
    rateLimit(wiring.limiter, {
      keyOf: tenantKeyOf(tokens),
      refuse: (res) =>
        refuse(res.req, res, 429, 'too many requests for this tenant'),
      onRefused: () => wiring.metrics.rateLimited.inc(),
    }),
  );
  if (wiring.writesOpen) {
    router.use(writeGate(wiring.writesOpen, wiring.metrics));
  }
  router.use(
    createScimRouter({
      store: wiring.store,
      reader: scimReadModel(wiring.readStore.db),
      tokens,
      consistency: { afterWrite: wiring.afterWrite },
      limits: defaultScimLimits,
      newId: wiring.newId,
    }),
  );
  return router;
}
