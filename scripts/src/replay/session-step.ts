import { z } from 'zod';

/** One recorded request of an IdP session, and what it should get. */
export const sessionStep = z.object({
  name: z.string().optional(),
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
  /** Relative to the SCIM base URL; `${name}` placeholders allowed. */
  path: z.string().startsWith('/'),
  headers: z.record(z.string(), z.string()).optional(),
  body: z.unknown().optional(),
  expect: z
    .object({
      status: z.number().int(),
      /** Every field given here must be in the response, at any depth. */
      body: z.unknown().optional(),
    })
    .optional(),
  /** Binds names for later steps to response fields: `{ "userId": "id" }`. */
  capture: z.record(z.string(), z.string()).optional(),
});

export type SessionStep = z.infer<typeof sessionStep>;

/** Reads NDJSON: one step a line; blank lines and `//` lines are skipped. */
export function parseSession(text: string): SessionStep[] {
  return text
    .split('\n')
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => line !== '' && !line.startsWith('//'))
    .map(({ line, number }) => {
      const parsed = sessionStep.safeParse(JSON.parse(line));
      if (!parsed.success) {
        throw new Error(
          `line ${number}: ${parsed.error.issues[0]?.message ?? 'invalid step'}`,
        );
      }
      return parsed.data;
    });
}
