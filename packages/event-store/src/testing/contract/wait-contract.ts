import {
  events,
  headOf,
  newStream,
  newTenant,
  type ContractContext,
} from './fixtures';
import { START } from '../../position';

export function waitContract({ store }: ContractContext): void {
  describe('waitForAppend', () => {
    it('returns at once when the log already holds a later event', async () => {
      await store().append({
        stream: newStream(newTenant()),
        events: events(1),
        expected: 'any',
      });
      const started = Date.now();

      await store().waitForAppend(START, 5_000);

      expect(Date.now() - started).toBeLessThan(2_000);
    });

    it('wakes up on an append while it waits', async () => {
      const head = await headOf(store());
      const started = Date.now();

      const waiting = store().waitForAppend(head, 10_000);
      setTimeout(() => {
        void store().append({
          stream: newStream(newTenant()),
          events: events(1),
          expected: 'any',
        });
      }, 100);
      await waiting;

      expect(Date.now() - started).toBeLessThan(5_000);
    });

    it('gives up after its timeout or when aborted', async () => {
      const head = await headOf(store());
      const controller = new AbortController();
      const started = Date.now();

      setTimeout(() => controller.abort(), 50);
      await store().waitForAppend(head, 10_000, controller.signal);

      expect(Date.now() - started).toBeLessThan(5_000);
      await store().waitForAppend(head, 100);
    });
  });
}
