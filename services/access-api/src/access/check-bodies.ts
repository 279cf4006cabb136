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

const checkBatch = z.strictObject({
  checks: z.array(oneCheck).min(1).max(MAX_BATCH_CHECKS),
});

export type OneCheck = z.infer<typeof oneCheck>;

/**
 * A batch when the body has `checks`, one check otherwise: so that a
 * refusal names the field of the form the caller meant.
 */
export function parseCheckBody(value: unknown) {
  const batch =
    typeof value === 'object' && value !== null && 'checks' in value;
  return batch ? checkBatch.safeParse(value) : oneCheck.safeParse(value);
}
