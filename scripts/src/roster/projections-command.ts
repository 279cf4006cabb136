import {
  openStores,
  rosterProjections,
} from '../../../packages/composition/src/index';
import {
  createProjectionRuntime,
  NoSuchFailureError,
} from '../../../packages/projection-runtime/src/index';
import type {
  PartitionStatus,
  ProjectionRuntime,
  RebuildResult,
} from '../../../packages/projection-runtime/src/index';
import type { Command } from './command';
import { parseOptions } from './parse-options';
import { progressLine } from './progress-line';

const usage = `usage: pnpm roster projections status
       pnpm roster projections rebuild <name>
       pnpm roster projections skip <name> <event-id> --reason <why>
options: --database-url <url> (or DATABASE_URL), else --data-dir <dir>
         (or ROSTER_DATA_DIR, ./.roster) of a stopped embedded server

status   name, version, state, checkpoint, lag and health of every
         partition; a stopped one names the event it stopped at (exit 1)
rebuild  builds the projection's latest version from position zero into a
         fresh schema while the old one serves, then switches and drops
         the old one; run it again to resume after a crash
skip     lets a stopped projection pass that one event: appends the
         audited ProjectionEventSkipped with the reason, then catches the
         tenant's partitions up`;

export const projectionsCommand: Command = {
  name: 'projections',
  summary: 'show projection status, or rebuild a projection from the log',
  usage,
  run: async (args) => {
    const { positional, options } = parseOptions(args);
    const [action, name, eventId] = positional;
    const reason = options.get('reason')?.trim();
    if (!isValidAction(action, name, eventId, reason)) {
      process.stderr.write(`${usage}\n`);
      return 2;
    }

    const url = options.get('database-url') ?? process.env['DATABASE_URL'];
    const stores = await openStores({
      mode: url ? 'production' : 'embedded',
      eventStore: url ? 'postgres' : 'embedded',
      DATABASE_URL: url,
      KURRENTDB_URL: undefined,
      dataDir:
        options.get('data-dir') ??
        process.env['ROSTER_DATA_DIR'] ??
        './.roster',
    });
    const runtime = createProjectionRuntime({
      store: stores.eventStore,
      readStore: stores.readStore,
      projections: rosterProjections,
      // As the processes that serve: one partition embedded.
      partitions: url
        ? Number(process.env['ROSTER_PROJECTION_PARTITIONS'] ?? 8)
        : 1,
    });

    try {
      await runtime.start();
      if (action === 'status') return await printStatus(runtime);
      if (action === 'skip') {
        return await skipAndCatchUp(runtime, name!, eventId!, reason!);
      }

      const result = await rebuildShowingProgress(runtime, name ?? '');
      process.stdout.write(
        `${result.projection} v${result.version} now serves from ${result.schema}; dropped ${result.dropped.join(', ') || 'nothing'}\n`,
      );
      return 0;
    } finally {
      await runtime.close();
      await stores.close();
    }
  },
};

function isValidAction(
  action: string | undefined,
  name: string | undefined,
  eventId: string | undefined,
  reason: string | undefined,
): boolean {
  if (action === 'status') return true;
  if (action === 'rebuild') return Boolean(name);
  return action === 'skip' && Boolean(name && eventId && reason);
}

/** The actor of a skip made at the command line. */
const cliOperator = { kind: 'admin', id: 'roster-cli' } as const;

async function skipAndCatchUp(
  runtime: ProjectionRuntime,
  name: string,
  eventId: string,
  reason: string,
): Promise<number> {
  const skipped = await runtime
    .skipEvent(name, eventId, reason, cliOperator)
    .catch((error: unknown) => {
      if (error instanceof NoSuchFailureError) return undefined;
      throw error;
    });
  if (!skipped) {
    process.stderr.write(`${name} is not stopped at event ${eventId}\n`);
    return 1;
  }

  const units = runtime.unitsOfTenant(skipped.tenantId);
  await Promise.all(units.map((unit) => runtime.catchUp(unit)));
  process.stdout.write(
    `${name} passed event ${eventId}; the skip is recorded at ${skipped.position}\n`,
  );
  return 0;
}

/** Redraws the progress from the checkpoints twice a second. */
async function rebuildShowingProgress(
  runtime: ProjectionRuntime,
  name: string,
): Promise<RebuildResult> {
  const first = await runtime.rebuildProgress(name);
  const progress = progressLine(`rebuild ${name}`, first.expected, {
    from: first.applied,
  });

  const poll = setInterval(() => {
    runtime.rebuildProgress(name).then(
      ({ applied, expected }) => {
        progress.setTotal(Math.max(expected, applied));
        progress.update(applied);
      },
      // A poll that fails only skips one redraw; the rebuild reports errors.
      () => undefined,
    );
  }, 500);
  try {
    const result = await runtime.rebuild(name);
    progress.setTotal(result.applied);
    progress.finish(result.applied);
    return result;
  } finally {
    clearInterval(poll);
  }
}

async function printStatus(runtime: ProjectionRuntime): Promise<number> {
  const rows = await runtime.status();
  const header = [
    'projection',
    'version',
    'state',
    'partition',
    'checkpoint',
    'lag',
    'lag s',
    'health',
  ];
  const lines = rows.map((row) => cells(row).join('  '));
  process.stdout.write([header.join('  '), ...lines, ''].join('\n'));
  return rows.some((row) => row.health === 'stopped') ? 1 : 0;
}

function cells(row: PartitionStatus): string[] {
  return [
    row.projection,
    `v${row.version}`,
    row.state,
    String(row.partition),
    row.checkpoint || '-',
    `${row.lagEvents}${row.lagCapped ? '+' : ''}`,
    row.lagSeconds.toFixed(1),
    row.failure
      ? `${row.health} at ${row.failure.eventId}: ${row.failure.error.slice(0, 60)}`
      : row.health,
  ];
}
