import { randomUUID } from 'node:crypto';
import type { EventStore } from '@roster/event-store';
import { streams } from '@roster/ledger';
import type { RuntimeDatabase } from '@roster/read-store';
import { sql, type Kysely } from 'kysely';
import { ConsistencyTimeoutError } from '../consistency-timeout-error';
import type { ProjectionDriver } from '../drivers/projection-driver';
import type { ProjectionRuntime } from '../projection-runtime';
import type { FailureFeed } from './failure-feed';
import { POISON_ROLE } from './order-check-projection';
import { appendOf, roleDefined } from './test-events';

/** One driver on a runtime running `orderCheckProjection()`. */
export interface DriverHarness {
  readonly store: EventStore;
  readonly runtime: ProjectionRuntime;
  readonly driver: ProjectionDriver;
  readonly db: Kysely<RuntimeDatabase>;
  readonly failures: FailureFeed;
  close(): Promise<void>;
}

/** The contract every projection driver passes. */
export function describeProjectionDriver(
  name: string,
  open: () => Promise<DriverHarness>,
): void {
  describe(`projection driver contract: ${name}`, () => {
    let h: DriverHarness;

    beforeAll(async () => {
      h = await open();
      await h.driver.start();
    });
    afterAll(async () => {
      await h.driver.stop();
      await h.close();
    });

    it('applies events after a wake-up and waitFor resolves', async () => {
      const tenant = `t${randomUUID().slice(0, 8)}`;
      const [result] = await h.store.appendMany([
        appendOf(tenant, streams.roles(tenant), [
          roleDefined('a'),
          roleDefined('b'),
        ]),
      ]);
      await h.driver.waker.wake(tenant);

      await h.runtime.waitFor(tenant, result!.position, 10_000);

      expect(await logOf(h.db, tenant)).toEqual([
        [streams.roles(tenant), 0],
        [streams.roles(tenant), 1],
      ]);
    });

    it('keeps every tenant in log order when many progress at once', async () => {
      const tenants = Array.from(
        { length: 12 },
        () => `t${randomUUID().slice(0, 8)}`,
      );
      const last = new Map<string, string>();
      for (let round = 0; round < 5; round++) {
        const requests = tenants.map((tenant) =>
          appendOf(tenant, streams.roles(tenant), [
            roleDefined(`r${round}a`),
            roleDefined(`r${round}b`),
          ]),
        );
        const results = await h.store.appendMany(requests);
        results.forEach((r, i) => last.set(tenants[i]!, r.position));
        await Promise.all(tenants.map((tenant) => h.driver.waker.wake(tenant)));
      }

      await Promise.all(
        tenants.map((tenant) =>
          h.runtime.waitFor(tenant, last.get(tenant)!, 20_000),
        ),
      );

      for (const tenant of tenants) {
        const revisions = (await logOf(h.db, tenant)).map(
          ([, revision]) => revision,
        );
        expect(revisions).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      }
    });

    it('catches up events whose wake-up never came (the sweep)', async () => {
      const tenant = `t${randomUUID().slice(0, 8)}`;
      const [result] = await h.store.appendMany([
        appendOf(tenant, streams.roles(tenant), [roleDefined('swept')]),
      ]);

      await h.runtime.waitFor(tenant, result!.position, 15_000);

      expect(await logOf(h.db, tenant)).toHaveLength(1);
    });

    it('stops at a poison event, retries it, and passes it after a skip', async () => {
      const tenant = `t${randomUUID().slice(0, 8)}`;
      const poisonStream = `tenant:${tenant}:poison:${randomUUID()}`;
      const requests = [
        appendOf(tenant, streams.roles(tenant), [roleDefined('before')]),
        appendOf(tenant, poisonStream, [roleDefined(POISON_ROLE)]),
        appendOf(tenant, streams.tenant(tenant), [roleDefined('after')]),
      ];
      const poisonId = requests[1]!.events[0]!.id;
      const failed = h.failures.next(poisonId);
      const [before, , after] = await h.store.appendMany(requests);
      await h.driver.waker.wake(tenant);

      const first = await failed;
      const retried = await h.failures.next(poisonId);
      await h.runtime.waitFor(tenant, before!.position, 10_000);
      await expect(
        h.runtime.waitFor(tenant, after!.position, 200),
      ).rejects.toBeInstanceOf(ConsistencyTimeoutError);
      const stopped = (await h.runtime.status()).find(
        (s) => s.failure?.eventId === poisonId,
      );

      const skipped = await h.runtime.skipEvent(
        'tenant_log',
        poisonId,
        'known bad test event',
      );
      await h.runtime.waitFor(tenant, skipped.position, 10_000);

      expect(first.attempts).toBe(1);
      expect(retried.attempts).toBe(2);
      expect(stopped?.health).toBe('stopped');
      expect(stopped?.failure?.error).toContain('poison');
      const operations = await h.store.readStream(streams.operations(tenant));
      expect(operations.map((event) => event.type)).toEqual([
        'ProjectionEventSkipped',
      ]);
      expect(operations[0]?.data).toMatchObject({
        eventId: poisonId,
        reason: 'known bad test event',
      });
      expect((await logOf(h.db, tenant)).map(([stream]) => stream)).toEqual([
        streams.roles(tenant),
        streams.tenant(tenant),
        streams.operations(tenant),
      ]);
      expect((await h.runtime.health()).stopped).toEqual([]);
    });
  });
}

async function logOf(
  db: Kysely<RuntimeDatabase>,
  tenant: string,
): Promise<[string, number][]> {
  const { rows } = await sql<{ stream: string; revision: number }>`
    SELECT stream, revision FROM tenant_log_v1.tenant_log
    WHERE tenant_id = ${tenant} ORDER BY position`.execute(db);
  return rows.map((row) => [row.stream, row.revision]);
}
