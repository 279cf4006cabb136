/**
 * Stream names carry their tenant: `tenant:<tenantId>:<kind>[:<id>]`.
 * Tenant ids are restricted so that the first two segments always parse.
 */
export const TENANT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export function streamName(
  tenantId: string,
  kind: string,
  id?: string,
): string {
  return id === undefined
    ? `tenant:${tenantId}:${kind}`
    : `tenant:${tenantId}:${kind}:${id}`;
}

export function tenantOfStream(stream: string): string {
  const [prefix, tenantId] = stream.split(':', 2);
  if (prefix !== 'tenant' || !tenantId || !TENANT_ID_PATTERN.test(tenantId)) {
    throw new Error(`stream name carries no tenant: ${stream}`);
  }
  return tenantId;
}

export function tenantStreamPrefix(tenantId: string): string {
  return `tenant:${tenantId}:`;
}
