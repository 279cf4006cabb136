import type { ScimLimits } from '../scim-limits';

const spcUrn = 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig';
export const limitsUrn = 'urn:roster:params:scim:schemas:extension:limits:1.0';

/** The truthful /ServiceProviderConfig (RFC 7643 §5, RFC 9865 §5). */
export function serviceProviderConfig(
  limits: ScimLimits,
): Record<string, unknown> {
  return {
    schemas: [spcUrn, limitsUrn],
    patch: { supported: true },
    bulk: {
      supported: true,
      maxOperations: limits.maxBulkOperations,
      maxPayloadSize: limits.maxBodyBytes,
    },
    filter: { supported: true, maxResults: limits.maxPageSize },
    changePassword: { supported: false },
    sort: { supported: true },
    etag: { supported: true },
    pagination: {
      cursor: true,
      index: true,
      defaultPaginationMethod: 'index',
      defaultPageSize: 100,
      maxPageSize: limits.maxPageSize,
      cursorTimeout: limits.cursorTtlSeconds,
    },
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'Bearer token',
        description: 'A tenant SCIM token issued by the Roster admin API',
        primary: true,
      },
    ],
    [limitsUrn]: {
      maxPatchOperations: limits.maxPatchOperations,
      maxBodyBytes: limits.maxBodyBytes,
    },
    meta: {
      resourceType: 'ServiceProviderConfig',
      location: '/scim/v2/ServiceProviderConfig',
    },
  };
}
