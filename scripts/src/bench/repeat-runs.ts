import type { RunResult, ScenarioContext } from './bench-types';
import { sampleProcesses } from './process-sampler';

/** Runs a scenario `scale.runs` times, adding the server's RSS and CPU. */
export async function repeatRuns(
  base: Omit<ScenarioContext, 'run'>,
  once: (ctx: ScenarioContext) => Promise<RunResult>,
): Promise<RunResult[]> {
  const runs: RunResult[] = [];
  for (let run = 0; run < base.scale.runs; run++) {
    const usage = sampleProcesses(base.system.pids);
    const result = await once({ ...base, run });
    const server = usage.stop();
    runs.push({
      ...result,
      figures: {
        'server.rss.mb': server.peakRssMb,
        'server.cpu.s': server.cpuSeconds,
        ...result.figures,
      },
    });
  }
  return runs;
}
