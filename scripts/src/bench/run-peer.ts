import type { BenchOptions } from './bench-options';
import type { BenchScale } from './bench-scale';
import type { SystemUnderTest } from './bench-types';
import { prepareBigTenant } from './big-tenant';
import { entraCycle } from './entra-cycle';
import { createHttpTarget } from './http-target';
import { mixedLoad } from './mixed-load';
import { startPeer } from './peer-server';
import type { ProgressBar } from './progress-bar';
import { repeatRuns } from './repeat-runs';
import { aggregate } from './scenario-result';
import { noteLines } from './run-roster';
import type { SystemRun } from './run-roster';

/** Scenario 6: scenarios 1 and 2 against the SCIMMY peer. */
export async function runPeer(
  options: BenchOptions,
  scale: BenchScale,
  progress: ProgressBar,
): Promise<SystemRun> {
  const peer = await startPeer();
  const opened: { close(): void }[] = [];
  const system: SystemUnderTest = {
    name: 'peer',
    pids: peer.pids,
    createTenant: (tenantId, sockets) => {
      const scim = createHttpTarget({
        baseUrl: `${peer.baseUrl}/scim/v2`,
        token: `peer-token-${tenantId}`,
        sockets,
      });
      opened.push(scim);
      return Promise.resolve({ tenantId, scim });
    },
  };
  const base = { system, scale, progress };
  const run: SystemRun = { results: [], notes: [], topology: 'peer' };

  try {
    if (options.scenarios.includes('entra-cycle')) {
      const runs = await repeatRuns(base, entraCycle);
      run.results.push(aggregate('entra-cycle', 'peer', 'all', runs));
    }
    if (options.scenarios.includes('mixed-load')) {
      const big = await prepareBigTenant({ ...base, run: 0 });
      run.notes.push(
        `peer: seeded ${big.users.ids.length} users by POST in ${big.users.seconds.toFixed(1)} s`,
      );
      const runs = await repeatRuns(base, (c) => mixedLoad(c, big));
      run.results.push(aggregate('mixed-load', 'peer', 'mixed: all', runs));
    }
    run.notes.push(...run.results.flatMap((r) => noteLines('peer', r)));
  } finally {
    for (const target of opened) target.close();
    await peer.stop();
  }
  return run;
}
