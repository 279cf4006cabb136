import type { Request } from 'express';
import { z } from 'zod';
import { ValidationProblem } from '../http/validation-problem';

const instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s));

export const atQuery = z.object({ at: instant });

export const exportQuery = z.object({
  format: z.enum(['ndjson', 'csv']).default('ndjson'),
  from: instant.optional(),
  to: instant.optional(),
  stream: z
    .string()
    .min(1)
    .refine((name) => !name.includes('\u0000'), 'holds a NUL character')
    .optional(),
});

/** The query string parsed by `schema`; 400 naming the first issue. */
export function parseQuery<S extends z.ZodType>(
  req: Request,
  schema: S,
): z.infer<S> {
  const parsed = schema.safeParse(req.query);
  if (!parsed.success) throw ValidationProblem.fromZod('query', parsed.error);
  return parsed.data;
}
