/**
 * What a log may say about a failure: its kind and code. Messages and
 * driver fields (query parameters, SQL, rows) can hold personal data.
 */
export function errorSummary(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };

  const code = (error as { code?: unknown }).code;
  const frame = error.stack?.split('\n')[1]?.trim();
  return {
    name: error.name,
    ...(typeof code === 'string' ? { code } : {}),
    ...(frame ? { at: frame } : {}),
  };
}
