import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * A hot route served over plain node:http ahead of express. The process
 * front (security headers, request ids, metrics, deadline) is applied by
 * whoever dispatches it; `serve` answers every outcome itself and never
 * rejects.
 */
export interface FastRoute {
  /** The route as metrics name it, e.g. `/v1/tenants/:tenantId/check`. */
  readonly route: string;
  /** The path parameter of a request this route answers, else undefined. */
  match(
    method: string | undefined,
    url: string | undefined,
  ): string | undefined;
  serve(
    req: IncomingMessage,
    res: ServerResponse,
    param: string,
  ): Promise<void>;
}
