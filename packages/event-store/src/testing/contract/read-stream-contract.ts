import { events, newStream, newTenant, type ContractContext } from './fixtures';

export function readStreamContract({ store }: ContractContext): void {
  describe('readStream', () => {
    it('reads from a revision with a limit', async () => {
      const stream = newStream(newTenant());
      await store().append({
        stream,
        events: events(5),
        expected: 'no-stream',
      });

      const page = await store().readStream(stream, {
        fromRevision: 1,
        limit: 3,
      });

      expect(page.map((e) => e.revision)).toEqual([1, 2, 3]);
    });

    it('reads nothing past the end or from a missing stream', async () => {
      const stream = newStream(newTenant());
      await store().append({
        stream,
        events: events(2),
        expected: 'no-stream',
      });

      expect(await store().readStream(stream, { fromRevision: 2 })).toEqual([]);
      expect(await store().readStream(newStream(newTenant()))).toEqual([]);
    });
  });
}
