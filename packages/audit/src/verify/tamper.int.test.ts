import { streams } from '@roster/ledger';
import { sealCheckpoint } from '../checkpoint/seal-checkpoint';
import {
  openLedger,
  randomOperations,
  seededRandom,
  writeHistory,
  type OpenLedger,
} from '../testing';
import { verifyTenant } from './verify-tenant';

let ledger: OpenLedger;

beforeAll(async () => {
  ledger = await openLedger();
});

afterAll(async () => {
  await ledger.client.close();
});

/** A sealed tenant whose roles stream has at least 8 events. */
async function sealedTenant(tenantId: string, seed: number): Promise<string> {
  const operations = randomOperations(
    seededRandom(seed),
    tenantId,
    300,
    new Date('2026-02-01T00:00:00Z'),
    1000,
  );
  await writeHistory(ledger.store, operations, [tenantId]);
  await sealCheckpoint(ledger.store, tenantId);
  expect(await verifyTenant(ledger.store, tenantId)).toMatchObject({
    ok: true,
    checkpoints: 1,
  });
  return streams.roles(tenantId);
}

async function idAt(stream: string, revision: number): Promise<string> {
  const { rows } = await ledger.client.query<{ id: string }>(
    'SELECT id::text AS id FROM es_events WHERE stream = $1 AND revision = $2',
    [stream, revision],
  );
  return rows[0]?.id ?? '';
}

describe('verification of a tampered log', () => {
  it('names an event whose payload was changed', async () => {
    const stream = await sealedTenant('tamper-payload', 1);
    const eventId = await idAt(stream, 3);

    await ledger.client.query(
      `UPDATE es_events SET data = jsonb_set(data, '{role}', '"root"') WHERE stream = $1 AND revision = 3`,
      [stream],
    );

    const report = await verifyTenant(ledger.store, 'tamper-payload');
    expect(report.ok).toBe(false);
    expect(report.firstBad).toMatchObject({ stream, revision: 3, eventId });
  });

  it('names the place of a deleted event', async () => {
    const stream = await sealedTenant('tamper-delete', 2);

    await ledger.client.query(
      'DELETE FROM es_events WHERE stream = $1 AND revision = 4',
      [stream],
    );

    const report = await verifyTenant(ledger.store, 'tamper-delete');
    expect(report.firstBad).toMatchObject({
      stream,
      revision: 4,
      eventId: await idAt(stream, 5),
    });
    expect(report.firstBad?.reason).toContain('missing');
  });

  it('names the first of two events whose places were swapped', async () => {
    const stream = await sealedTenant('tamper-swap', 3);
    const first = await idAt(stream, 2);

    await ledger.client.transaction(async (tx) => {
      await tx.query(
        'UPDATE es_events SET revision = -1 WHERE stream = $1 AND revision = 2',
        [stream],
      );
      await tx.query(
        'UPDATE es_events SET revision = 2 WHERE stream = $1 AND revision = 3',
        [stream],
      );
      await tx.query(
        'UPDATE es_events SET revision = 3 WHERE stream = $1 AND revision = -1',
        [stream],
      );
    });

    const report = await verifyTenant(ledger.store, 'tamper-swap');
    expect(report.firstBad).toMatchObject({
      stream,
      revision: 2,
      eventId: first,
    });
    expect(report.firstBad?.reason).toContain('out of place');
  });

  it('names the first of two events whose payloads were swapped', async () => {
    const stream = await sealedTenant('tamper-swap-data', 6);

    await ledger.client.query(
      `UPDATE es_events e SET data = o.data FROM es_events o
       WHERE e.stream = $1 AND o.stream = $1
         AND ((e.revision = 2 AND o.revision = 3) OR (e.revision = 3 AND o.revision = 2))`,
      [stream],
    );

    const report = await verifyTenant(ledger.store, 'tamper-swap-data');
    expect(report.firstBad).toMatchObject({
      stream,
      revision: 2,
      eventId: await idAt(stream, 2),
    });
  });

  it('finds a dropped stream through the checkpoint', async () => {
    await sealedTenant('tamper-drop', 4);
    const { rows } = await ledger.client.query<{ stream: string }>(
      `SELECT stream FROM es_events WHERE tenant_id = $1 AND stream LIKE '%:group:%' LIMIT 1`,
      ['tamper-drop'],
    );
    const dropped = rows[0]?.stream ?? '';

    await ledger.client.query('DELETE FROM es_events WHERE stream = $1', [
      dropped,
    ]);

    const report = await verifyTenant(ledger.store, 'tamper-drop');
    expect(report.firstBad).toMatchObject({
      stream: 'tenant:tamper-drop:audit',
      revision: 0,
    });
    expect(report.firstBad?.reason).toContain('1 sealed stream(s) are missing');
  });

  it('finds a changed last event of a stream through the checkpoint', async () => {
    const stream = await sealedTenant('tamper-head', 5);

    await ledger.client.query(
      `UPDATE es_events SET metadata = jsonb_set(metadata, '{requestId}', '"forged"')
       WHERE stream = $1 AND revision = (SELECT max(revision) FROM es_events WHERE stream = $1)`,
      [stream],
    );

    const report = await verifyTenant(ledger.store, 'tamper-head');
    expect(report.firstBad).toMatchObject({
      stream: 'tenant:tamper-head:audit',
    });
    expect(report.firstBad?.reason).toContain('a stream head differs');
  });
});
