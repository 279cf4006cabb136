/**
 * A note for the summary when a package manager started the bench
 * (`pnpm bench` sets `npm_lifecycle_event`): its node process waits
 * beside the bench, and V8's memory reducer there collects garbage once,
 * in three bursts of 30-50 ms over both cores, about 24 s after the
 * start. On 2026-12-05 that fell in scenario 4's first measured seconds.
 */
export function launchNote(env: NodeJS.ProcessEnv): string | undefined {
  const script = env['npm_lifecycle_event'];
  if (!script) return undefined;

  return (
    `started by a package manager's "${script}" script: its own node ` +
    'process idled beside the bench, and its garbage collection may show ' +
    'in the first run (scripts/bench.sh starts the bench without it)'
  );
}
