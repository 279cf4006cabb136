import type { ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';

const headers: readonly (readonly [string, string])[] = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'"],
  ['Referrer-Policy', 'no-referrer'],
  ['X-Frame-Options', 'DENY'],
  // Responses carry tokens and personal data: no cache may keep them.
  ['Cache-Control', 'no-store'],
];

/** The few headers an API needs, on one response. */
export function setSecurityHeaders(res: ServerResponse): void {
  for (const [name, value] of headers) res.setHeader(name, value);
}

/** The same headers as middleware; set before any route answers. */
export function securityHeaders() {
  return (_req: Request, res: Response, next: NextFunction): void => {
    setSecurityHeaders(res);
    next();
  };
}
