import { z } from 'zod';

/** Who caused an event: an IdP's SCIM token, an admin, a service, Roster. */
export const actor = z.object({
  kind: z.enum(['scim-token', 'admin', 'service', 'system']),
  id: z.string().min(1),
});

export type Actor = z.infer<typeof actor>;

export const eventMetadata = z.object({
  tenantId: z.string().min(1),
  actor,
  requestId: z.string().min(1),
  userAgent: z.string().optional(),
  occurredAt: z.iso.datetime(),
  causationId: z.string().optional(),
  correlationId: z.string().min(1),
  /** Hash of the previous event of the same stream; null for the first. */
  previousHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable(),
});

export type EventMetadata = z.infer<typeof eventMetadata>;

/** What a request knows about itself; the chain hash is added on append. */
export type RequestContext = Omit<EventMetadata, 'previousHash' | 'occurredAt'>;
