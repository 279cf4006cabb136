import { Router } from 'express';
import type { Metrics } from '@roster/service-kit';
import { readinessOf, type ReadinessCheck } from './readiness';

export interface HealthOptions {
  readonly checks: readonly ReadinessCheck[];
  /** Refreshes gauges (lag, queue depth) before a scrape. */
  readonly beforeScrape?: () => Promise<void>;
}

/** Probed and scraped often: their requests get ids but no spans. */
export const healthPaths = ['/healthz', '/readyz', '/metrics'];

/** /healthz (the process answers), /readyz (it can serve), /metrics. */
export function healthRoutes(metrics: Metrics, options: HealthOptions): Router {
  const router = Router();

  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/readyz', async (_req, res) => {
    const readiness = await readinessOf(options.checks);
    res.status(readiness.ready ? 200 : 503).json(readiness);
  });

  router.get('/metrics', async (_req, res) => {
    await options.beforeScrape?.().catch(() => undefined);
    res.setHeader('Content-Type', metrics.registry.contentType);
    res.send(await metrics.registry.metrics());
  });
  return router;
}
