import type { RecordedEvent } from '../../event-store';
import { tenantPartition } from '../../tenant-partition';
import {
  events,
  headOf,
  newStream,
  newTenant,
  readUntil,
  type ContractContext,
} from './fixtures';

export function readAllContract({ store }: ContractContext): void {
  describe('readAll', () => {
    it('reads the log in append order from a checkpoint, in batches', async () => {
      const tenant = newTenant();
      const [a, b] = [newStream(tenant), newStream(tenant)];
      const from = await headOf(store());
      const appended = [
        ...(await appendAll(a, 3)),
        ...(await appendAll(b, 2)),
        ...(await appendAll(a, 2, 2)),
      ];

      const read = await readUntil(
        store(),
        { from, limit: 2, tenantId: tenant },
        7,
      );

      expect(read.events.map((e) => e.id)).toEqual(appended);
      expect(read.batches).toBeGreaterThanOrEqual(4);
      expectStrictlyIncreasing(read.events.map((e) => e.position));
    });

    it('resumes strictly after the checkpoint it is given', async () => {
      const tenant = newTenant();
      const stream = newStream(tenant);
      const from = await headOf(store());
      await store().append({
        stream,
        events: events(4),
        expected: 'no-stream',
      });
      const all = await readUntil(store(), { from, tenantId: tenant }, 4);

      const checkpoint = all.events[1]?.position ?? from;
      const rest = await readUntil(
        store(),
        { from: checkpoint, tenantId: tenant },
        2,
      );

      expect(rest.events.map((e) => e.revision)).toEqual([2, 3]);
    });

    it('filters by tenant', async () => {
      const [mine, theirs] = [newTenant(), newTenant()];
      const from = await headOf(store());
      await store().append({
        stream: newStream(theirs),
        events: events(2),
        expected: 'any',
      });
      await store().append({
        stream: newStream(mine),
        events: events(1),
        expected: 'any',
      });
      await store().append({
        stream: newStream(theirs),
        events: events(1),
        expected: 'any',
      });

      const read = await readUntil(store(), { from, tenantId: mine }, 1);
      const more = await store().readAll({
        from: read.next,
        limit: 10,
        tenantId: mine,
      });

      expect(read.events.map((e) => e.tenantId)).toEqual([mine]);
      expect(more.events).toEqual([]);
    });

    it('puts every event into exactly one tenant partition', async () => {
      const tenants = Array.from({ length: 8 }, () => newTenant());
      const from = await headOf(store());
      const appended = new Set<string>();
      for (const tenant of tenants) {
        for (const id of await appendAll(newStream(tenant), 2))
          appended.add(id);
      }
      await readUntil(store(), { from }, appended.size);

      const seen: RecordedEvent[] = [];
      for (let index = 0; index < 3; index += 1) {
        const drained = await drain(from, { index, count: 3 });
        for (const event of drained) {
          expect(tenantPartition(event.tenantId, 3)).toBe(index);
        }
        seen.push(...drained);
      }

      const ours = seen.filter((e) => appended.has(e.id)).map((e) => e.id);
      expect(ours.sort()).toEqual([...appended].sort());
    });
  });

  async function appendAll(stream: string, count: number, after?: number) {
    const written = events(count);
    await store().append({
      stream,
      events: written,
      expected: after === undefined ? 'any' : after,
    });
    return written.map((e) => e.id);
  }

  async function drain(
    from: string,
    partition: { index: number; count: number },
  ) {
    const found: RecordedEvent[] = [];
    for (;;) {
      const batch = await store().readAll({ from, limit: 50, partition });
      found.push(...batch.events);
      if (batch.events.length < 50) return found;
      from = batch.next;
    }
  }
}

function expectStrictlyIncreasing(positions: readonly string[]): void {
  for (let i = 1; i < positions.length; i += 1) {
    expect((positions[i] ?? '') > (positions[i - 1] ?? '')).toBe(true);
  }
}
