import type { EventToAppend, LogQuery, StoredEvent } from '../../event-store';
import {
  anEvent,
  events,
  newStream,
  newTenant,
  readUntil,
  type ContractContext,
} from './fixtures';

export function readLogContract({ store }: ContractContext): void {
  describe('readLog', () => {
    it('pages through a tenant’s log in log order, data as stored JSON text', async () => {
      const tenant = newTenant();
      const [a, b] = [newStream(tenant), newStream(tenant)];
      const appended = [...events(3), ...events(2)];
      await store().append({
        stream: a,
        events: appended.slice(0, 3),
        expected: 'no-stream',
      });
      await store().append({
        stream: b,
        events: appended.slice(3),
        expected: 'no-stream',
      });
      const all = await readUntil(store(), { from: '', tenantId: tenant }, 5);

      const pages = await readLogUntil({ tenantId: tenant, pageSize: 2 }, 5);
      const read = pages.flat();

      expect(pages.map((page) => page.length)).toEqual([2, 2, 1]);
      expect(read.map((e) => e.position)).toEqual(
        all.events.map((e) => e.position),
      );
      expect(read.map(decoded)).toEqual(
        all.events.map((e) => ({
          stream: e.stream,
          revision: e.revision,
          id: e.id,
          type: e.type,
          version: e.version,
          data: e.data,
          metadata: e.metadata,
          recordedAt: e.recordedAt.toISOString(),
        })),
      );
    });

    it('reads one stream of the tenant, and nothing of another tenant’s', async () => {
      const [mine, theirs] = [newTenant(), newTenant()];
      const [wanted, other, foreign] = [
        newStream(mine),
        newStream(mine),
        newStream(theirs),
      ];
      await store().append({
        stream: wanted,
        events: events(3),
        expected: 'no-stream',
      });
      await store().append({
        stream: other,
        events: events(2),
        expected: 'no-stream',
      });
      await store().append({
        stream: foreign,
        events: events(2),
        expected: 'no-stream',
      });
      await readLogUntil({ tenantId: theirs }, 2);

      const read = await readLogUntil(
        { tenantId: mine, stream: wanted, pageSize: 2 },
        3,
      );
      const whole = await readLogUntil({ tenantId: mine }, 5);
      const crossed = await readLogUntil(
        { tenantId: mine, stream: foreign },
        0,
      );

      expect(read.flat().map((e) => [e.stream, e.revision])).toEqual([
        [wanted, 0],
        [wanted, 1],
        [wanted, 2],
      ]);
      expect(new Set(whole.flat().map((e) => e.stream))).toEqual(
        new Set([wanted, other]),
      );
      expect(crossed).toEqual([]);
    });

    it('filters by occurredAt, from inclusive and to exclusive', async () => {
      const tenant = newTenant();
      const stream = newStream(tenant);
      const at = (second: number) => `2026-03-01T00:00:0${second}.000Z`;
      const timed = [1, 2, 3, 4].map((second) => occurredAt(at(second)));
      await store().append({ stream, events: timed, expected: 'no-stream' });
      await readLogUntil({ tenantId: tenant }, 4);

      const read = await readLogUntil(
        { tenantId: tenant, from: new Date(at(2)), to: new Date(at(4)) },
        2,
      );
      const before = await readLogUntil(
        { tenantId: tenant, to: new Date(at(1)) },
        0,
      );

      expect(read.flat().map((e) => e.revision)).toEqual([1, 2]);
      expect(before).toEqual([]);
    });

    it('takes recordedAt for an event whose occurredAt is not an instant', async () => {
      const tenant = newTenant();
      const stream = newStream(tenant);
      const undated = [occurredAt('last Tuesday'), anEvent()];
      await store().append({ stream, events: undated, expected: 'no-stream' });
      const [recorded] = (await readLogUntil({ tenantId: tenant }, 2)).flat();
      const recordedAt = new Date(recorded?.recordedAt ?? '');

      const read = await readLogUntil(
        {
          tenantId: tenant,
          from: recordedAt,
          to: new Date(recordedAt.getTime() + 1),
        },
        2,
      );
      const later = await readLogUntil(
        { tenantId: tenant, from: new Date(recordedAt.getTime() + 1) },
        0,
      );

      expect(read.flat().map((e) => e.revision)).toEqual([0, 1]);
      expect(later).toEqual([]);
    });

    it('ends where the log ended when the read started', async () => {
      const tenant = newTenant();
      const stream = newStream(tenant);
      await store().append({
        stream,
        events: events(3),
        expected: 'no-stream',
      });
      await readLogUntil({ tenantId: tenant }, 3);

      const read: StoredEvent[] = [];
      for await (const page of store().readLog({
        tenantId: tenant,
        pageSize: 1,
      })) {
        if (read.length === 0) {
          await store().append({ stream, events: events(1), expected: 2 });
        }
        read.push(...page);
      }

      expect(read.map((e) => e.revision)).toEqual([0, 1, 2]);
    });

    it('refuses a bound whose year is past 9999', async () => {
      const far = new Date('+010000-01-01T00:00:00.000Z');
      const reading = store().readLog({ tenantId: newTenant(), to: far });

      await expect(reading[Symbol.asyncIterator]().next()).rejects.toThrow(
        RangeError,
      );
    });
  });

  /**
   * Pages of `query` once they hold `count` events: other transactions of
   * the cluster may hold the newest events back for a moment.
   */
  async function readLogUntil(
    query: LogQuery,
    count: number,
    timeoutMs = 20_000,
  ): Promise<StoredEvent[][]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const pages: StoredEvent[][] = [];
      for await (const page of store().readLog(query)) pages.push([...page]);
      if (pages.flat().length >= count || Date.now() > deadline) return pages;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

function occurredAt(text: string): EventToAppend {
  const event = anEvent();
  return { ...event, metadata: { ...event.metadata, occurredAt: text } };
}

function decoded(event: StoredEvent) {
  const { position: _position, data, metadata, ...rest } = event;
  return {
    ...rest,
    data: JSON.parse(data) as unknown,
    metadata: JSON.parse(metadata) as unknown,
  };
}
