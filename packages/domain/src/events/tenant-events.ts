import { z } from 'zod';

const tokenIssued = z.object({
  tokenId: z.string().min(1),
  label: z.string().optional(),
  /** SHA-256 of the token, hex; the token itself is never stored. */
  tokenHash: z.string().regex(/^[0-9a-f]{64}$/),
});

const tokenRevoked = z.object({ tokenId: z.string().min(1) });

export const tenantEvents = {
  TenantCreated: z.object({
    tenantId: z.string().min(1),
    name: z.string().min(1),
  }),
  ScimTokenIssued: tokenIssued,
  ScimTokenRevoked: tokenRevoked,
  ServiceTokenIssued: tokenIssued,
  ServiceTokenRevoked: tokenRevoked,
};
