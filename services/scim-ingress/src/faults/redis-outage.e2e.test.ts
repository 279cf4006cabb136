import { freePort, startTopology } from '../../../../scripts/src/topology';
import type { Topology } from '../../../../scripts/src/topology';
import {
  compareWithRebuild,
  createTenant,
  openInspector,
  provisioningBurst,
  reportBurst,
  waitForNoLag,
} from '../testing';
import { RedisServer } from '@roster/projection-runtime/testing';

jest.setTimeout(240_000);

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Redis stopped during a provisioning burst', () => {
  let redis: RedisServer;
  let topology: Topology;

  beforeAll(async () => {
    redis = new RedisServer(await freePort());
    await redis.start();
    topology = await startTopology({
      redisUrl: redis.url,
      env: { ROSTER_CONSISTENCY_TIMEOUT_MS: '4000' },
    });
  });

  afterAll(async () => {
    await topology?.stop();
    await redis?.kill();
  });

  it('keeps every accepted write, refuses the rest with Retry-After, and catches up to a clean rebuild', async () => {
    const tenantId = 'redis-outage';
    const token = await createTenant(
      topology.urls.access,
      topology.adminToken,
      tenantId,
    );
    const prefix = 'ro';

    const burst = provisioningBurst({
      ingressUrls: () => topology.urls.ingress,
      token,
      users: 240,
      concurrency: 8,
      prefix,
    });
    await pause(1500);
    await redis.kill();
    await pause(3000);
    await redis.start();
    const result = await burst;

    const inspector = await openInspector(topology.databaseUrl);
    await waitForNoLag(inspector);
    const report = await reportBurst(
      'redis-outage',
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
    expect(result.statuses.get(500)).toBeUndefined();
    expect(report.accepted + report.landedEarlier).toBe(240);
    expect(served).toEqual(clean);
    expect(topology.crashes()).toEqual([]);
  });
});
