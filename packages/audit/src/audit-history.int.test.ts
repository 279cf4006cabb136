import {
  createTestDatabase,
  type TestDatabase,
} from '@roster/read-store/testing';
import { Readable } from 'node:stream';
import { occurredAt, type AuditRecord } from './audit-record';
import { sealCheckpoint } from './checkpoint/seal-checkpoint';
import {
  exportHeader,
  formatRecord,
  type ExportFormat,
} from './export/export-format';
import type { ExportFilter } from './export/export-filter';
import { exportRecords } from './export/export-records';
import { parseExport } from './export/parse-export';
import { sourceKey } from './replay/permission-source';
import { permissionsAt } from './replay/permissions-at';
import {
  openLedger,
  randomOperations,
  referenceAccess,
  seededRandom,
  writeHistory,
  type HistoryOperation,
  type OpenLedger,
} from './testing';
import { verifyExport } from './verify/verify-export';
import { verifyTenant } from './verify/verify-tenant';

const TENANTS = [
  'acme',
  'globex',
  'initech',
  'umbrella',
  'hooli',
  'stark',
  'wayne',
  'tyrell',
];
const START = new Date('2026-01-01T00:00:00.000Z');
const STEP_MS = 60_000;

let database: TestDatabase;
let ledger: OpenLedger;
let operations: HistoryOperation[];
let written: number;

beforeAll(async () => {
  database = await createTestDatabase();
  ledger = await openLedger(database.url);
  const random = seededRandom(7);
  operations = interleave(
    TENANTS.map((t, i) =>
      randomOperations(random, t, 1300, new Date(START.getTime() + i), STEP_MS),
    ),
  );
  written = await writeHistory(ledger.store, operations, TENANTS);
  await untilVisible(written);
}, 300_000);

/**
 * Reads see transactions below the server's snapshot xmin: another
 * session's open transaction holds the newest events back for a while.
 */
async function untilVisible(count: number): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    let seen = 0;
    for (const tenantId of TENANTS) {
      for await (const page of ledger.store.readLog({ tenantId })) {
        seen += page.length;
      }
    }
    if (seen >= count || Date.now() > deadline) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

afterAll(async () => {
  await ledger.client.close();
  await database.drop();
});

describe('a generated history of more than 10,000 events', () => {
  it('holds them all', () => {
    expect(written).toBeGreaterThanOrEqual(10_000);
  });

  it('verifies every tenant, and again after a checkpoint is sealed', async () => {
    for (const tenantId of TENANTS) {
      const before = await verifyTenant(ledger.store, tenantId);
      expect(before).toMatchObject({ ok: true, checkpoints: 0 });

      expect((await sealCheckpoint(ledger.store, tenantId)).sealed).toBe(true);
      const after = await verifyTenant(ledger.store, tenantId);
      expect(after).toMatchObject({
        ok: true,
        checkpoints: 1,
      });
    }
  });

  it('answers permissions at 100 random instants as the reference does', async () => {
    const random = seededRandom(42);
    const span = (operations.length * STEP_MS) / TENANTS.length;

    for (let index = 0; index < 100; index += 1) {
      const tenantId = random.pick(TENANTS);
      const users = operations.filter(
        (o) => o.tenantId === tenantId && o.kind === 'createUser',
      );
      const userId = random.pick(
        users.map((o) => ('userId' in o ? o.userId : '')),
      );
      const at = new Date(START.getTime() + random.int(span));

      const replayed = await permissionsAt(ledger.store, tenantId, userId, at);
      const mine = new Map(
        replayed.permissions.map((p) => [
          p.permission,
          p.sources.map(sourceKey),
        ]),
      );
      expect(mine).toEqual(referenceAccess(operations, tenantId, userId, at));
    }
  });

  it.each<ExportFormat>(['ndjson', 'csv'])(
    'exports a tenant as %s that verifies offline',
    async (format) => {
      const text = await exportText('globex', format);
      const report = await verifyExport(() => linesOf(text), format);
      const online = await verifyTenant(ledger.store, 'globex');

      expect(report).toMatchObject({
        ok: true,
        complete: true,
        events: online.events,
        streams: online.streams,
      });
      expect(report.checkpoints).toBe(online.checkpoints);
      expect(online.events).toBeGreaterThan(1000);
      expect(text).not.toContain('@example.com');
    },
  );

  it('exports a time range, and one stream in it, as the whole export filtered', async () => {
    const whole = await exportedRecords('acme');
    const span = (operations.length * STEP_MS) / TENANTS.length;
    const from = new Date(START.getTime() + span / 3);
    const to = new Date(START.getTime() + (2 * span) / 3);
    const inRange = whole.filter((r) => {
      const at = occurredAt(r).getTime();
      return at >= from.getTime() && at < to.getTime();
    });
    const stream = mostFrequent(inRange.map((r) => r.stream));

    const ranged = await exportedRecords('acme', { from, to });
    const one = await exportedRecords('acme', { from, to, stream });

    expect(ranged.length).toBeGreaterThan(100);
    expect(ranged.map((r) => r.id)).toEqual(inRange.map((r) => r.id));
    expect(one.map((r) => r.id)).toEqual(
      inRange.filter((r) => r.stream === stream).map((r) => r.id),
    );
    const text = await exportText('acme', 'ndjson', { from, to, stream });
    expect(await verifyExport(() => linesOf(text), 'ndjson')).toMatchObject({
      ok: true,
      complete: false,
    });
  });

  it('exports no event of another tenant, even its stream asked by name', async () => {
    const theirs = (await exportedRecords('globex'))[0]?.stream ?? '';

    const crossed = await exportedRecords('acme', { stream: theirs });
    const whole = await exportedRecords('acme');

    expect(theirs).toMatch(/^tenant:globex:/);
    expect(crossed).toEqual([]);
    expect(whole.every((r) => r.stream.startsWith('tenant:acme:'))).toBe(true);
  });
});

async function exportedRecords(
  tenantId: string,
  filter: ExportFilter = {},
): Promise<AuditRecord[]> {
  const text = await exportText(tenantId, 'ndjson', filter);
  const records: AuditRecord[] = [];
  for await (const record of parseExport(linesOf(text), 'ndjson')) {
    records.push(record);
  }
  return records;
}

function mostFrequent(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}

async function exportText(
  tenantId: string,
  format: ExportFormat,
  filter: ExportFilter = {},
): Promise<string> {
  let text = exportHeader(format);
  for await (const batch of exportRecords(ledger.store, tenantId, filter)) {
    for (const record of batch) text += formatRecord(record, format);
  }
  return text;
}

function linesOf(text: string): AsyncIterable<string> {
  return Readable.from(text.split('\n').map((line) => line.replace(/\r$/, '')));
}

/** Round-robin over the tenants, so their events mix in the log. */
function interleave(lists: HistoryOperation[][]): HistoryOperation[] {
  const longest = Math.max(...lists.map((list) => list.length));
  const mixed: HistoryOperation[] = [];
  for (let index = 0; index < longest; index += 1) {
    for (const list of lists) {
      const item = list[index];
      if (item) mixed.push(item);
    }
  }
  return mixed;
}
