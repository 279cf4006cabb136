import type { EventStore } from '@roster/event-store';
import { streams } from '@roster/ledger';
import type { SqlClient } from '@roster/sql';
import type { ProjectionRuntime } from './projection-runtime';
import {
  appendOf,
  openRuntimeHarness,
  roleDefined,
  untilBelowHorizon,
  type RuntimeHarness,
} from './testing';

let h: RuntimeHarness<SqlClient>;
let client: SqlClient;
let store: EventStore;
let runtime: ProjectionRuntime;

beforeAll(async () => {
  h = await openRuntimeHarness({ partitions: 4 });
  ({ client, store, runtime } = h);
});

afterAll(() => h.close());

async function catchUpEveryUnit(): Promise<void> {
  for (const unit of runtime.units()) {
    while ((await runtime.catchUp(unit)).state === 'more');
  }
}

describe('logAhead (what lets an idle sweep skip its wake-ups)', () => {
  it('is false once every unit has caught up, true after an append, false again after the catch-up', async () => {
    const first = 'ta';
    await store.appendMany([
      appendOf(first, streams.roles(first), [roleDefined('a')]),
    ]);
    await untilBelowHorizon(client);
    await catchUpEveryUnit();
    const idle = await runtime.logAhead();

    // A tenant of one partition only: the others have nothing of theirs.
    const second = 'tb';
    await store.appendMany([
      appendOf(second, streams.roles(second), [roleDefined('b')]),
    ]);
    await untilBelowHorizon(client);
    const afterAppend = await runtime.logAhead();
    await catchUpEveryUnit();
    const afterCatchUp = await runtime.logAhead();

    expect(idle).toBe(false);
    expect(afterAppend).toBe(true);
    expect(afterCatchUp).toBe(false);
  });
});
