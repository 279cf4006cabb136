import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ScenarioContext } from './bench-types';
import { steadyLoad, type SteadyLoad } from './check-load';
import type { LatencyRecorder } from './latency-recorder';
import type { CheckTenant } from './permission-checks';
import { userPatch } from './scim-bodies';

/**
 * The steady checks again while SCIM changes a checked user's name
 * `checkWrites` times a second, as an IdP sync does: every write empties
 * the answers that embedded mode keeps.
 */
export async function checksDuringWrites(
  ctx: ScenarioContext,
  target: CheckTenant,
  recorder: LatencyRecorder,
  load: SteadyLoad,
): Promise<{ writesPerSecond: number }> {
  const checking = steadyLoad(load, recorder);
  let done = false;
  const stop = () => (done = true);
  checking.then(stop, stop);

  const started = performance.now();
  const writes = await writeUntil(ctx, target, recorder, () => done);
  await checking;
  return { writesPerSecond: writes / ((performance.now() - started) / 1000) };
}

async function writeUntil(
  ctx: ScenarioContext,
  target: CheckTenant,
  recorder: LatencyRecorder,
  done: () => boolean,
): Promise<number> {
  const userId = target.userIds[0];
  if (!userId) throw new Error('no checked user to write to');
  const started = performance.now();
  let writes = 0;

  while (!done()) {
    const reply = await target.tenant.scim.send(
      'PATCH',
      `/Users/${userId}`,
      userPatch('okta', writes),
    );
    if (reply.status >= 300) recorder.fail('write', `${reply.status}`);
    writes += 1;

    const due = started + (writes * 1000) / ctx.scale.checkWrites;
    await sleep(Math.max(0, due - performance.now()));
  }
  return writes;
}
