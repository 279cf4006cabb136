import pg from 'pg';
import { startTopology } from '../../../../scripts/src/topology';
import type { Topology } from '../../../../scripts/src/topology';
import {
  compareWithRebuild,
  createTenant,
  openInspector,
  provisioningBurst,
  reportBurst,
  waitForNoLag,
} from '../testing';

jest.setTimeout(240_000);

const adminUrl = 'postgres://postgres@127.0.0.1:5432/postgres';
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Terminates every session of the test database again and again. */
async function killConnections(admin: pg.Client, database: string, ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = $1 AND pid <> pg_backend_pid()`,
      [database],
    );
    await pause(50);
  }
}

describe('PostgreSQL connections killed mid-burst', () => {
  let topology: Topology;
  let admin: pg.Client;

  beforeAll(async () => {
    topology = await startTopology({
      env: { ROSTER_CONSISTENCY_TIMEOUT_MS: '4000' },
    });
    admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
  });

  afterAll(async () => {
    await admin?.end();
    await topology?.stop();
  });

  it('loses no accepted write, duplicates none, and answers 503 with Retry-After while cut off', async () => {
    const tenantId = 'pg-outage';
    const token = await createTenant(
      topology.urls.access,
      topology.adminToken,
      tenantId,
    );
    const database = new URL(topology.databaseUrl).pathname.slice(1);
    const prefix = 'po';

    const burst = provisioningBurst({
      ingressUrls: () => topology.urls.ingress,
      token,
      users: 240,
      concurrency: 8,
      prefix,
    });
    await pause(1500);
    await killConnections(admin, database, 2500);
    await pause(1000);
    await killConnections(admin, database, 500);
    const result = await burst;

    const inspector = await openInspector(topology.databaseUrl);
    await waitForNoLag(inspector);
    const report = await reportBurst(
      'postgres-outage',
      result,
      inspector,
      { url: topology.urls.ingress[0] ?? '', token, tenantId },
      prefix,
      { crashes: topology.crashes().map((crash) => crash.name) },
    );
    const { served, clean } = await compareWithRebuild(inspector);
    await inspector.close();

    expect(report.lost).toBe(0);
    expect(report.duplicated).toBe(0);
    expect(result.gaveUp.size).toBe(0);
    expect(result.withoutRetryAfter).toBe(0);
    expect(result.statuses.get(503)).toBeGreaterThan(0);
    expect(result.statuses.get(500)).toBeUndefined();
    expect(report.accepted + report.landedEarlier).toBe(240);
    expect(served).toEqual(clean);
  });
});
