import type { NextFunction, Request, Response } from 'express';

/**
 * Answers 503 with Retry-After when a handler has not answered within
 * `ms`, so that an IdP (60 s timeout) hears back before it gives up.
 */
export function requestDeadline(
  ms: number,
  refuse: (req: Request, res: Response) => void,
) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const timer = setTimeout(() => {
      if (res.headersSent) return;
      res.setHeader('Retry-After', '5');
      res.setHeader('Connection', 'close');
      refuse(req, res);
    }, ms);
    timer.unref();

    res.on('close', () => clearTimeout(timer));
    next();
  };
}
