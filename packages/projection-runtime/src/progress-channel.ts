import { z } from 'zod';

/** NOTIFY channel of checkpoint commits and generation switches. */
export const PROGRESS_CHANNEL = 'roster_projection_progress';

export const progressMessage = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('checkpoint'),
    schema: z.string(),
    partition: z.number().int(),
    position: z.string(),
  }),
  z.object({ kind: z.literal('switch'), projection: z.string() }),
]);

export type ProgressMessage = z.infer<typeof progressMessage>;

/** Parses a payload; undefined for anything that is not ours. */
export function parseProgress(payload: string): ProgressMessage | undefined {
  try {
    const parsed = progressMessage.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
