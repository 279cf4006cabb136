import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunResult, ScenarioContext } from './bench-types';
import { startChild } from './child-server';
import { sampleProcesses } from './process-sampler';
import { createScratchDatabase } from './scratch-database';

/**
 * Scenario 5: every projection rebuilt from a generated log of
 * `rebuildEvents` events, in a child process (rebuild-main.ts) over PGlite
 * (embedded) or a scratch PostgreSQL database (production). The child is
 * stopped `rebuildBudgetS` after the log is appended; its time so far is
 * then a lower bound.
 */
export async function rebuildLog(
  ctx: ScenarioContext,
  mode: 'embedded' | 'production',
  profileDir?: string,
): Promise<RunResult> {
  const store = await storeArgs(mode);
  const events = ctx.scale.rebuildEvents;
  ctx.progress.start(`rebuild of ${events} events (${mode})`, 1);

  const budgetS = ctx.scale.rebuildBudgetS;
  let budget: NodeJS.Timeout | undefined;
  const child = startChild({
    entry: 'scripts/src/bench/rebuild-main.ts',
    env: {},
    nodeFlags: [
      '--max-old-space-size=8192',
      ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
    ],
    args: [String(events), ...store.args],
    onLine: (line) => {
      // The first figures come once the log is appended: the budget is
      // for the rebuild, however long a large log takes to append.
      if (line.startsWith('{') && !budget) {
        budget = setTimeout(() => void child.stop(), budgetS * 1000);
      }
    },
  });
  const usage = sampleProcesses([child.pid]);
  const code = await child.exited;
  clearTimeout(budget);
  const server = usage.stop();
  await store.drop();
  ctx.progress.finish();

  const figures = lastFigures(child.output());
  if (!figures) {
    const why = code === null ? 'stopped' : code;
    throw new Error(
      `rebuild failed (${why}) before its log was appended: ${child.output()}`,
    );
  }
  const stopped = figures['rebuild.s'] === undefined;
  return {
    figures: {
      ...figures,
      ...(stopped ? lowerBound(figures) : {}),
      errors: 0,
      'server.rss.mb': server.peakRssMb,
      // A child that has exited has no /proc entry left to sample.
      'server.cpu.s': figures['cpu.s'] ?? server.cpuSeconds,
    },
    latency: {},
    notes: stopped ? [stoppedNote(ctx, figures)] : [],
  };
}

function lastFigures(output: string): Record<string, number> | undefined {
  const lines = output.split('\n').filter((line) => line.startsWith('{'));
  const last = lines.pop();
  return last ? (JSON.parse(last) as Record<string, number>) : undefined;
}

/** A stopped rebuild took longer and went slower than this. */
function lowerBound(figures: Record<string, number>): Record<string, number> {
  const startedAt = figures['rebuild.startedAt'] ?? Date.now();
  const seconds = (Date.now() - startedAt) / 1000;
  const events = figures['events'] ?? 0;
  return {
    'rebuild.s': seconds,
    'events/s': events / seconds,
    'rebuild.stopped': 1,
  };
}

function stoppedNote(
  ctx: ScenarioContext,
  figures: Record<string, number>,
): string {
  const skip = new Set(['append.s', 'rebuild.s', 'cpu.s']);
  const done = Object.keys(figures).filter(
    (key) => key.endsWith('.s') && !skip.has(key),
  );
  return (
    `rebuild stopped after the ${ctx.scale.rebuildBudgetS} s budget` +
    ` (${done.length} projections done; rebuild.s is a lower bound,` +
    ' events/s an upper one)'
  );
}

async function storeArgs(mode: 'embedded' | 'production') {
  if (mode === 'production') {
    const database = await createScratchDatabase('roster_rebuild');
    return { args: ['--postgres', database.url], drop: database.drop };
  }
  const dir = await mkdtemp(join(tmpdir(), 'roster-rebuild-'));
  return {
    args: ['--data-dir', dir],
    drop: () => rm(dir, { recursive: true, force: true }),
  };
}
