import { hashEvent, hashEventText } from '@roster/domain';
import {
  createEventStore,
  streamName,
  type EventStore,
  type EventToAppend,
} from '@roster/event-store';
import { createPgliteClient, type SqlClient } from '@roster/sql';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';

// A PGlite start compiles its WebAssembly.
jest.setTimeout(60_000);

let client: SqlClient;
let store: EventStore;

beforeAll(async () => {
  client = await createPgliteClient();
  store = await createEventStore({ kind: 'sql', client });
});

afterAll(() => client.close());

// jsonb refuses the NUL character; nothing else.
const storable = fc
  .jsonValue()
  .filter((value) => !JSON.stringify(value).includes('\\u0000'));

describe('hashing the stored JSON text', () => {
  it('gives the hash of the event as it was appended, for any JSON data', async () => {
    const values = fc.sample(storable, { seed: 20261204, numRuns: 300 });
    const stream = streamName('acme', 'user', randomUUID());
    const appended: EventToAppend[] = values.map((data, index) => ({
      id: randomUUID(),
      type: 'UserAttributesChanged',
      version: 1,
      data,
      metadata: { index, previousHash: null, nested: { data } },
    }));
    await store.append({ stream, events: appended, expected: 'no-stream' });

    const stored = [];
    for await (const page of store.readLog({ tenantId: 'acme', stream })) {
      stored.push(...page);
    }

    expect(stored.map(hashEventText)).toEqual(
      appended.map((event, revision) =>
        hashEvent({ ...event, stream, revision }),
      ),
    );
  });
});
