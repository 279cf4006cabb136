import { describeEventStoreContract } from '../testing/event-store-contract';
import { KurrentEventStore } from './kurrentdb-event-store';

const url = process.env['KURRENTDB_URL'];

if (url === undefined || url === '') {
  describe.skip('kurrentdb contract (skipped: KURRENTDB_URL not set)', () => {
    it('needs a KurrentDB server, e.g. KURRENTDB_URL=kurrentdb://127.0.0.1:2113?tls=false', () => {});
  });
} else {
  describeEventStoreContract('kurrentdb', {
    open: () => Promise.resolve(new KurrentEventStore({ url })),
    openUnavailable: () =>
      Promise.resolve(
        new KurrentEventStore({ url: 'kurrentdb://127.0.0.1:1?tls=false' }),
      ),
  });
}
