import { Router } from 'express';
import type { Metrics } from '@roster/service-kit';
import type { RosterSystem } from './roster-system';

/** /healthz (the process answers), /readyz (it can serve), /metrics. */
export function healthRoutes(system: RosterSystem, metrics: Metrics): Router {
  const router = Router();

  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/readyz', async (_req, res) => {
    const health = await system.runtime.health().catch(() => null);
    const ready = health !== null && health.ready;
    res.status(ready ? 200 : 503).json({ ready, projections: health });
  });

  router.get('/metrics', async (_req, res) => {
    res.setHeader('Content-Type', metrics.registry.contentType);
    res.send(await metrics.registry.metrics());
  });
  return router;
}
