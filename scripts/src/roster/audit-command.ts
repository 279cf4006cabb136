import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  eraseUser,
  exportHeader,
  exportRecords,
  formatRecord,
  sealCheckpoint,
  verifyExport,
  verifyTenant,
  type ExportFormat,
  type VerifyReport,
} from '../../../packages/audit/src/index';
import type { Command } from './command';
import {
  countTenantEvents,
  openAuditStore,
  type AuditStore,
} from './open-audit-store';
import { parseOptions } from './parse-options';
import { progressLine } from './progress-line';

const usage = `usage: pnpm roster audit <action> [options]

  export --tenant <id> --format ndjson|csv --out <file>
  verify --tenant <id>              hash chains and checkpoints
  verify-file --in <file> --format ndjson|csv   an export, offline
  seal --tenant <id>                seal a checkpoint now
  erase --tenant <id> --user <id>   delete the user's key (and the user)

The store is opened directly: --database-url (or DATABASE_URL) for
PostgreSQL, else --data-dir (ROSTER_DATA_DIR, ./.roster) for the embedded
PGlite, which a running server holds locked: stop it first.
Exit code: 0 when verification passes, 1 when it finds a bad event.`;

type Options = ReadonlyMap<string, string>;

const actions: Record<string, (options: Options) => Promise<number>> = {
  export: (o) =>
    withStore(o, (s) =>
      exportTenant(s, need(o, 'tenant'), formatOf(o), need(o, 'out')),
    ),
  verify: (o) => withStore(o, (s) => verify(s, need(o, 'tenant'))),
  'verify-file': (o) => verifyFile(need(o, 'in'), formatOf(o)),
  seal: (o) =>
    withStore(o, async (s) =>
      print(await sealCheckpoint(s.store, need(o, 'tenant')), 0),
    ),
  erase: (o) =>
    withStore(o, (s) => erase(s, need(o, 'tenant'), need(o, 'user'))),
};

export const auditCommand: Command = {
  name: 'audit',
  summary: 'export, verify, seal checkpoints, erase personal data',
  usage,
  run: async (args) => {
    const { positional, options } = parseOptions(args);
    const action = actions[positional[0] ?? ''];
    if (!action) {
      process.stderr.write(`${usage}\n`);
      return 2;
    }
    return action(options);
  },
};

async function exportTenant(
  opened: AuditStore,
  tenantId: string,
  format: ExportFormat,
  out: string,
): Promise<number> {
  const progress = progressLine(
    'export',
    await countTenantEvents(opened.client, tenantId),
  );
  let done = 0;

  async function* lines(): AsyncGenerator<string> {
    yield exportHeader(format);
    for await (const batch of exportRecords(opened.store, tenantId)) {
      yield batch.map((record) => formatRecord(record, format)).join('');
      progress.update((done += batch.length));
    }
  }
  await pipeline(Readable.from(lines()), createWriteStream(out));
  progress.finish(done);
  return 0;
}

async function verify(opened: AuditStore, tenantId: string): Promise<number> {
  const events = await countTenantEvents(opened.client, tenantId);
  // Every tenant's log starts with its creation: none means a wrong id.
  if (events === 0) {
    process.stderr.write(`no tenant ${tenantId}: its log has no events\n`);
    return 1;
  }
  const progress = progressLine('verify', events);
  const report = await verifyTenant(opened.store, tenantId, progress.update);
  progress.finish(report.events);
  return print(report, report.ok ? 0 : 1);
}

async function verifyFile(file: string, format: ExportFormat): Promise<number> {
  const lines = () =>
    createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  const report: VerifyReport = await verifyExport(lines, format);
  return print(report, report.ok ? 0 : 1);
}

async function erase(
  opened: AuditStore,
  tenantId: string,
  userId: string,
): Promise<number> {
  const requestId = crypto.randomUUID();
  const ctx = {
    store: opened.store,
    tenantId,
    newId: () => crypto.randomUUID(),
    request: {
      tenantId,
      actor: { kind: 'admin' as const, id: 'cli' },
      requestId,
      correlationId: requestId,
    },
  };
  return print(await eraseUser(ctx, opened.keyring, userId), 0);
}

async function withStore(
  options: Options,
  run: (opened: AuditStore) => Promise<number>,
): Promise<number> {
  const opened = await openAuditStore(options);
  try {
    return await run(opened);
  } finally {
    await opened.close();
  }
}

function need(options: Options, name: string): string {
  const value = options.get(name);
  if (!value)
    throw new Error(`--${name} is required (see pnpm roster audit --help)`);
  return value;
}

function formatOf(options: Options): ExportFormat {
  const format = options.get('format') ?? 'ndjson';
  if (format !== 'ndjson' && format !== 'csv')
    throw new Error('--format is ndjson or csv');
  return format;
}

function print(value: unknown, code: number): number {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  return code;
}
