import { z } from 'zod';

/** What operators do to the ledger's machinery, kept in the log for audit. */
export const operationsEvents = {
  ProjectionEventSkipped: z.object({
    projection: z.string().min(1),
    projectionVersion: z.number().int().positive(),
    eventId: z.string().min(1),
    position: z.string().min(1),
    error: z.string(),
    reason: z.string().min(1),
  }),
};
