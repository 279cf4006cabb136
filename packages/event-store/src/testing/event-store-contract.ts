import type { EventStore } from '../event-store';
import { appendContract } from './contract/append-contract';
import { appendManyContract } from './contract/append-many-contract';
import { failureContract } from './contract/failure-contract';
import type { ContractFactory } from './contract/fixtures';
import { readAllContract } from './contract/read-all-contract';
import { readLogContract } from './contract/read-log-contract';
import { readStreamContract } from './contract/read-stream-contract';
import { waitContract } from './contract/wait-contract';

/** Registers the jest tests that every EventStore adapter passes. */
export function describeEventStoreContract(
  name: string,
  factory: ContractFactory,
): void {
  describe(`event store contract: ${name}`, () => {
    let store: EventStore | undefined;
    const context = {
      factory,
      store: () => {
        if (!store) throw new Error('store not open');
        return store;
      },
    };

    beforeAll(async () => {
      store = await factory.open();
    });

    afterAll(() => store?.close());

    appendContract(context);
    appendManyContract(context);
    readStreamContract(context);
    readAllContract(context);
    readLogContract(context);
    waitContract(context);
    failureContract(context);
  });
}
