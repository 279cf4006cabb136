import { serviceNodeFlags } from '../topology/node-flags';
import { startChild } from './child-server';
import { steadyLoad, type SteadyLoad } from './check-load';
import { LatencyRecorder, type LatencySummary } from './latency-recorder';

const label = 'bare server';

/**
 * The same steady load against a bare `node:http` server that answers a
 * fixed body: what this machine gives at that rate in that minute, with
 * no work behind the answer. A check's latency reads against it.
 */
export async function checkFloor(load: SteadyLoad): Promise<LatencySummary> {
  let announce: (port: number) => void = () => undefined;
  const announced = new Promise<number>((resolve) => (announce = resolve));
  const server = startChild({
    entry: 'scripts/src/bench/bare-server-main.ts',
    nodeFlags: serviceNodeFlags,
    env: {},
    onLine: (line) => {
      const port = /^port (\d+)$/.exec(line)?.[1];
      if (port) announce(Number(port));
    },
  });

  try {
    const port = await Promise.race([
      announced,
      server.exited.then((code) => {
        throw new Error(`the bare server exited (${code}): ${server.output()}`);
      }),
    ]);
    const recorder = new LatencyRecorder();
    const url = `http://127.0.0.1:${port}/check`;
    await steadyLoad({ ...load, url, label }, recorder);
    return recorder.summary(label);
  } finally {
    await server.stop(2000);
  }
}
