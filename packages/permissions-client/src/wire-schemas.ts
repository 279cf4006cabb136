import { z } from 'zod';

const source = z.looseObject({ kind: z.string() });

/** One check answer; `allowed` must be the JSON literal true to allow. */
export const checkAnswer = z.object({
  allowed: z.boolean(),
  sources: z.array(source),
  userId: z.string().optional(),
  reason: z.string().optional(),
});

export const batchAnswer = z.object({ results: z.array(checkAnswer) });

export const userPermissionsAnswer = z.object({
  userId: z.string(),
  active: z.boolean(),
  permissions: z.array(
    z.object({ permission: z.string(), sources: z.array(source) }),
  ),
});

/** An answer; only `allowed: true` allows. */
export interface CheckAnswer {
  readonly allowed: boolean;
  readonly sources: readonly Readonly<Record<string, unknown>>[];
  readonly userId?: string | undefined;
  /** Why not, on a denial: unknown-user, user-inactive, not-granted... */
  readonly reason?: string | undefined;
}
export type UserPermissionsAnswer = z.infer<typeof userPermissionsAnswer>;
