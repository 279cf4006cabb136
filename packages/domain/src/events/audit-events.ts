import { z } from 'zod';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** What the audit writes about the log itself, in `tenant:<t>:audit`. */
export const auditEvents = {
  /** A Merkle root over every stream head of the tenant up to a position. */
  AuditCheckpointSealed: z.object({
    root: sha256,
    /** How many streams the root covers (the audit stream excluded). */
    streams: z.number().int().nonnegative(),
    /** The log position of the last event the root covers. */
    lastPosition: z.string(),
    sealedAt: z.iso.datetime(),
  }),
  /** A user's key was destroyed: their personal attributes are unreadable. */
  PersonalDataErased: z.object({
    userId: z.string().min(1),
    erasedAt: z.iso.datetime(),
  }),
};
