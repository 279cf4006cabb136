import { StoreUnavailableError, StreamDeletedError } from '../../errors';
import { START } from '../../position';
import { events, newStream, newTenant, type ContractContext } from './fixtures';

export function failureContract({ store, factory }: ContractContext): void {
  describe('deleted streams', () => {
    it('refuses appends and reads of a deleted stream', async () => {
      const stream = newStream(newTenant());
      await store().append({
        stream,
        events: events(2),
        expected: 'no-stream',
      });

      await store().deleteStream(stream);

      const append = store().append({
        stream,
        events: events(1),
        expected: 'any',
      });
      await expect(append).rejects.toBeInstanceOf(StreamDeletedError);
      await expect(append).rejects.toMatchObject({ stream });
      await expect(store().readStream(stream)).rejects.toBeInstanceOf(
        StreamDeletedError,
      );
      await expect(store().deleteStream(stream)).rejects.toBeInstanceOf(
        StreamDeletedError,
      );
    });
  });

  describe('an unreachable store', () => {
    it('fails every call with StoreUnavailableError', async () => {
      const broken = await factory.openUnavailable();
      const stream = newStream(newTenant());

      await expect(
        broken.append({ stream, events: events(1), expected: 'any' }),
      ).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(broken.readStream(stream)).rejects.toBeInstanceOf(
        StoreUnavailableError,
      );
      await expect(
        broken.readAll({ from: START, limit: 1 }),
      ).rejects.toBeInstanceOf(StoreUnavailableError);
      const log = broken.readLog({ tenantId: newTenant() });
      await expect(log[Symbol.asyncIterator]().next()).rejects.toBeInstanceOf(
        StoreUnavailableError,
      );
      await broken.close();
    });
  });
}
