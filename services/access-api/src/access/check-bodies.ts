import { z } from 'zod';

/** Most checks one batch request may carry. */
export const MAX_BATCH_CHECKS = 1000;

// PostgreSQL cannot take a NUL in text: refused here, not by the store.
const text = z
  .string()
  .min(1)
  .max(256)
  .refine((value) => !value.includes('\u0000'), 'must not contain NUL');

export const oneCheck = z.union([
  z.strictObject({ userId: text, permission: text }),
  z.strictObject({ userName: text, permission: text }),
]);

export const checkBody = z.union([
  oneCheck,
  z.strictObject({ checks: z.array(oneCheck).min(1).max(MAX_BATCH_CHECKS) }),
]);

export type OneCheck = z.infer<typeof oneCheck>;
