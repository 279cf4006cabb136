import type { Request } from 'express';

/** The matched route pattern (`/scim/v2/Users/:id`), never the path. */
export function routeOf(req: Request): string | undefined {
  const pattern: unknown = (req.route as { path?: unknown } | undefined)?.path;
  if (typeof pattern !== 'string') return undefined;

  // A router's own root ('/') under a mount path names the mount path.
  return pattern === '/' && req.baseUrl
    ? req.baseUrl
    : `${req.baseUrl}${pattern}`;
}
