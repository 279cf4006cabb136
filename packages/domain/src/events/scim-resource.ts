import { z } from 'zod';

/**
 * The SCIM attributes of a user or group as the IdP last set them, in the
 * schema's case, without `id`, `meta`, `active` and group `members`: those
 * have events of their own.
 */
export const scimResource = z.record(z.string(), z.unknown());

export type ScimResource = z.infer<typeof scimResource>;

export const memberRef = z.object({
  value: z.string().min(1),
  type: z.enum(['User', 'Group']),
});

export type MemberRef = z.infer<typeof memberRef>;
