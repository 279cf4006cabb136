/**
 * Wakes the projectors, then waits, waking them again every `everyMs`
 * meanwhile: a catch-up reads only below the oldest open transaction, so
 * the first wake-up can find nothing new. Errors of the first wake-up
 * and of `wait` are thrown; a repeated wake-up that fails is let go.
 */
export async function waitWhileWaking(
  wake: () => Promise<void>,
  wait: () => Promise<void>,
  everyMs: number,
): Promise<void> {
  const nudge = setInterval(() => {
    wake().catch(() => undefined);
  }, everyMs);

  try {
    await wake();
    await wait();
  } finally {
    clearInterval(nudge);
  }
}
