import { WrongExpectedVersionError } from '../../errors';
import {
  anEvent,
  events,
  newStream,
  newTenant,
  type ContractContext,
} from './fixtures';

export function appendContract({ store }: ContractContext): void {
  describe('append', () => {
    it('writes a new stream from revision 0 and reads it back', async () => {
      const stream = newStream(newTenant());
      const written = events(3);

      const result = await store().append({
        stream,
        events: written,
        expected: 'no-stream',
      });
      const read = await store().readStream(stream);

      expect(result.revision).toBe(2);
      expect(read.map((e) => e.revision)).toEqual([0, 1, 2]);
      expect(read.map((e) => e.id)).toEqual(written.map((e) => e.id));
      expect(read[0]).toMatchObject({
        stream,
        type: 'UserCreated',
        version: 1,
        data: written[0]?.data,
        metadata: written[0]?.metadata,
      });
      expect(read[2]?.position).toBe(result.position);
      expect(read[0]?.recordedAt).toBeInstanceOf(Date);
    });

    it('refuses no-stream on an existing stream and names the actual revision', async () => {
      const stream = newStream(newTenant());
      await store().append({
        stream,
        events: events(2),
        expected: 'no-stream',
      });

      const again = store().append({
        stream,
        events: events(1),
        expected: 'no-stream',
      });

      await expect(again).rejects.toBeInstanceOf(WrongExpectedVersionError);
      await expect(again).rejects.toMatchObject({
        stream,
        expected: 'no-stream',
        actual: 1,
      });
    });

    it('appends at the exact revision and refuses a stale one', async () => {
      const stream = newStream(newTenant());
      await store().append({
        stream,
        events: events(1),
        expected: 'no-stream',
      });
      const second = await store().append({
        stream,
        events: events(1),
        expected: 0,
      });

      const stale = store().append({ stream, events: events(1), expected: 0 });

      expect(second.revision).toBe(1);
      await expect(stale).rejects.toMatchObject({
        name: 'WrongExpectedVersionError',
        expected: 0,
        actual: 1,
      });
    });

    it('refuses an exact revision on a stream that does not exist', async () => {
      const stream = newStream(newTenant());

      const append = store().append({ stream, events: events(1), expected: 3 });

      await expect(append).rejects.toMatchObject({ actual: null, expected: 3 });
    });

    it('appends with exists only to an existing stream', async () => {
      const stream = newStream(newTenant());

      const missing = store().append({
        stream,
        events: events(1),
        expected: 'exists',
      });
      await expect(missing).rejects.toMatchObject({
        actual: null,
        expected: 'exists',
      });

      await store().append({
        stream,
        events: events(1),
        expected: 'no-stream',
      });
      const result = await store().append({
        stream,
        events: events(1),
        expected: 'exists',
      });
      expect(result.revision).toBe(1);
    });

    it('appends with any whatever the stream looks like', async () => {
      const stream = newStream(newTenant());

      const first = await store().append({
        stream,
        events: events(1),
        expected: 'any',
      });
      const second = await store().append({
        stream,
        events: events(2),
        expected: 'any',
      });

      expect([first.revision, second.revision]).toEqual([0, 2]);
    });

    it('treats a retry with the same event ids at the same place as success', async () => {
      const stream = newStream(newTenant());
      await store().append({
        stream,
        events: events(1),
        expected: 'no-stream',
      });
      const request = {
        stream,
        events: [anEvent(), anEvent()],
        expected: 0,
      } as const;

      const first = await store().append(request);
      const retry = await store().append(request);

      expect(retry).toEqual(first);
      expect(await store().readStream(stream)).toHaveLength(3);
    });

    it('refuses an append without events', async () => {
      const stream = newStream(newTenant());

      await expect(
        store().append({ stream, events: [], expected: 'any' }),
      ).rejects.toThrow(TypeError);
    });

    it('refuses a stream name that carries no tenant', async () => {
      await expect(
        store().append({
          stream: 'users-1',
          events: events(1),
          expected: 'any',
        }),
      ).rejects.toThrow('carries no tenant');
    });
  });
}
