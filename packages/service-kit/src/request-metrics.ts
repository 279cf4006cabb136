import type { NextFunction, Request, Response } from 'express';
import type { Metrics } from './metrics';
import { routeOf } from './route-of';

/** Counts and times every request by its route pattern, never its path. */
export function requestMetrics(metrics: Metrics) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();

    res.on('finish', () => {
      const route = routeOf(req) ?? 'unmatched';
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const labels = { route, method: req.method };
      metrics.httpDuration.observe(labels, seconds);
      metrics.httpRequests.inc({ ...labels, status: String(res.statusCode) });
    });
    next();
  };
}
