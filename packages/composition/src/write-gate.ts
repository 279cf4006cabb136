import type { NextFunction, Request, Response } from 'express';
import type { Metrics } from '@roster/service-kit';
import { refuse } from './refusals';

const reads = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses writes with 503 and Retry-After, before anything is appended,
 * while `isOpen` says a write could not be made visible (Redis down).
 * Searches sent as POST /.search are reads.
 */
export function writeGate(isOpen: () => boolean, metrics: Metrics) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (reads.has(req.method) || req.path.endsWith('/.search')) return next();
    if (isOpen()) return next();

    metrics.writesRefused.inc({ reason: 'queue' });
    res.setHeader('Retry-After', '5');
    refuse(req, res, 503, 'writes are paused; retry later');
  };
}
