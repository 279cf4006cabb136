import { z } from 'zod';

/** Most checks one batch request may carry. */
export const MAX_BATCH_CHECKS = 1000;

const permission = z.string().min(1).max(256);

export const oneCheck = z.union([
  z.strictObject({ userId: z.string().min(1).max(256), permission }),
  z.strictObject({ userName: z.string().min(1).max(256), permission }),
]);

export const checkBody = z.union([
  oneCheck,
  z.strictObject({ checks: z.array(oneCheck).min(1).max(MAX_BATCH_CHECKS) }),
]);

export type OneCheck = z.infer<typeof oneCheck>;
