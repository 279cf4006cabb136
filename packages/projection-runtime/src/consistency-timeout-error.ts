/**
 * The read models did not pass a position in time. The ingress answers 503
 * with Retry-After; the write itself is durable.
 */
export class ConsistencyTimeoutError extends Error {
  override readonly name = 'ConsistencyTimeoutError';

  constructor(
    readonly tenantId: string,
    readonly position: string,
    readonly timeoutMs: number,
    /** `<schema>:<partition>` of every read model still behind. */
    readonly lagging: readonly string[],
  ) {
    super(
      `read models of tenant ${tenantId} did not pass ${position} within ${timeoutMs} ms`,
    );
  }
}
