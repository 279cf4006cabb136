import express from 'express';
import type { Express, NextFunction, Request, Response } from 'express';
import {
  HttpProblem,
  requestContext,
  requestDeadline,
  requestInfo,
  requestMetrics,
  securityHeaders,
} from '@roster/service-kit';
import type { Logger, Metrics } from '@roster/service-kit';
import { healthPaths, healthRoutes, type HealthOptions } from './health-routes';
import { refuse } from './refusals';

export interface ServiceAppOptions {
  readonly log: Logger;
  readonly metrics: Metrics;
  /** ROSTER_REQUEST_TIMEOUT_MS: a slower handler is answered 503. */
  readonly requestTimeoutMs: number;
  readonly health: HealthOptions;
}

/**
 * The common front of every Roster HTTP process: security headers, request
 * ids and traces, metrics, a deadline, health routes. Mount the service's
 * routers, then call `finishApp`.
 */
export function createServiceApp(options: ServiceAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.set('etag', false);

  app.use(securityHeaders());
  app.use(requestContext(options.log, healthPaths));
  app.use(requestMetrics(options.metrics));
  app.use(healthRoutes(options.metrics, options.health));
  app.use(
    requestDeadline(options.requestTimeoutMs, (req, res) =>
      refuse(req, res, 503, 'the request took too long; retry later'),
    ),
  );
  return app;
}

/** A 404 problem for unknown paths, and a last handler that never leaks. */
export function finishApp(app: Express): Express {
  app.use(() => {
    throw new HttpProblem(404, 'Not found');
  });
  app.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);

    const problem =
      error instanceof HttpProblem
        ? error
        : new HttpProblem(500, 'Internal error');
    if (problem.status >= 500) {
      requestInfo(req).log.error({ err: error }, 'request failed');
    }
    res
      .status(problem.status)
      .type('application/problem+json')
      .send(JSON.stringify(problem.toBody()));
  });
  return app;
}
