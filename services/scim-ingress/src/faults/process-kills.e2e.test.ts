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

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('projector and ingress processes SIGKILLed under load', () => {
  let topology: Topology;

  beforeAll(async () => {
    topology = await startTopology({
      ingresses: 2,
      env: { ROSTER_CONSISTENCY_TIMEOUT_MS: '4000' },
    });
  });

  afterAll(() => topology?.stop());

  it('keeps every 2xx in the log exactly once and ends equal to a clean rebuild', async () => {
    const tenantId = 'kills';
    const token = await createTenant(
      topology.urls.access,
      topology.adminToken,
      tenantId,
    );
    const prefix = 'pk';
    const victims = ['ingress-0', 'ingress-1', 'projector-0'];
    let done = false;
    const kills: string[] = [];

    const burst = provisioningBurst({
      ingressUrls: () => topology.urls.ingress,
      token,
      users: 300,
      concurrency: 8,
      prefix,
    }).finally(() => (done = true));
    while (!done && kills.length < 5) {
      await pause(800 + Math.random() * 1500);
      const victim = victims[Math.floor(Math.random() * victims.length)] ?? '';
      kills.push(victim);
      await topology.restart(victim);
    }
    const result = await burst;

    const inspector = await openInspector(topology.databaseUrl);
    await waitForNoLag(inspector);
    const report = await reportBurst(
      'process-kills',
      result,
      inspector,
      { url: topology.urls.ingress[0] ?? '', token, tenantId },
      prefix,
      { kills, crashes: topology.crashes().map((crash) => crash.name) },
    );
    const { served, clean } = await compareWithRebuild(inspector);
    await inspector.close();

    expect(kills.length).toBeGreaterThan(0);
    expect(report.lost).toBe(0);
    expect(report.duplicated).toBe(0);
    expect(result.gaveUp.size).toBe(0);
    expect(result.statuses.get(500)).toBeUndefined();
    expect(report.accepted + report.landedEarlier).toBe(300);
    expect(served).toEqual(clean);
  });
});
