import { WrongExpectedVersionError } from '../../errors';
import { START } from '../../position';
import {
  events,
  newStream,
  newTenant,
  readUntil,
  type ContractContext,
} from './fixtures';

export function appendManyContract({ store }: ContractContext): void {
  describe('appendMany', () => {
    it('appends to several streams and answers in request order', async () => {
      const tenant = newTenant();
      const claim = newStream(tenant, 'username');
      const user = newStream(tenant, 'user');
      await store().append({
        stream: user,
        events: events(1),
        expected: 'no-stream',
      });

      const results = await store().appendMany([
        { stream: user, events: events(2), expected: 0 },
        { stream: claim, events: events(1), expected: 'no-stream' },
      ]);

      expect(results.map((r) => r.revision)).toEqual([2, 0]);
      expect(await store().readStream(claim)).toHaveLength(1);
    });

    it('puts the events into the log in request order', async () => {
      const tenant = newTenant();
      const [first, second, third] = [
        newStream(tenant, 'zulu'),
        newStream(tenant, 'alpha'),
        newStream(tenant, 'mike'),
      ] as const;
      const written = [events(2), events(1), events(2)] as const;

      await store().appendMany([
        { stream: first, events: written[0], expected: 'no-stream' },
        { stream: second, events: written[1], expected: 'no-stream' },
        { stream: third, events: written[2], expected: 'no-stream' },
      ]);
      const read = await readUntil(
        store(),
        { from: START, tenantId: tenant },
        5,
      );

      expect(read.events.map((e) => e.id)).toEqual(
        written.flat().map((e) => e.id),
      );
    });

    it('writes nothing when one stream fails its check, if atomic', async () => {
      const tenant = newTenant();
      const taken = newStream(tenant, 'username');
      const user = newStream(tenant, 'user');
      await store().append({
        stream: taken,
        events: events(1),
        expected: 'no-stream',
      });

      const append = store().appendMany([
        { stream: user, events: events(1), expected: 'no-stream' },
        { stream: taken, events: events(1), expected: 'no-stream' },
      ]);

      await expect(append).rejects.toBeInstanceOf(WrongExpectedVersionError);
      if (store().capabilities.atomicMultiStreamAppend) {
        expect(await store().readStream(user)).toEqual([]);
        expect(await store().readStream(taken)).toHaveLength(1);
      }
    });
  });
}
