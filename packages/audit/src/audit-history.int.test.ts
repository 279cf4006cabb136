import {
  createTestDatabase,
  type TestDatabase,
} from '@roster/read-store/testing';
import { Readable } from 'node:stream';
import { sealCheckpoint } from './checkpoint/seal-checkpoint';
import {
  exportHeader,
  formatRecord,
  type ExportFormat,
} from './export/export-format';
import { exportRecords } from './export/export-records';
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
}, 300_000);

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
      expect(text).not.toContain('@example.com');
    },
  );
});

async function exportText(
  tenantId: string,
  format: ExportFormat,
): Promise<string> {
  let text = exportHeader(format);
  for await (const batch of exportRecords(ledger.store, tenantId)) {
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
