import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createTestDatabase,
  type TestDatabase,
} from '@roster/read-store/testing';
import { createPgliteClient } from '@roster/sql';
import { createEventStore } from './create-event-store';
import type { EventStore } from './event-store';
import { START } from './position';
import { KurrentEventStore } from './kurrentdb/kurrentdb-event-store';
import { events, newStream, newTenant } from './testing/contract/fixtures';

// Each PGlite start compiles its WebAssembly: seconds, not milliseconds.
jest.setTimeout(60_000);

async function roundTrip(store: EventStore): Promise<number> {
  const stream = newStream(newTenant());
  await store.append({ stream, events: events(2), expected: 'no-stream' });
  return (await store.readStream(stream)).length;
}

describe('createEventStore', () => {
  it('opens a migrated store on a PostgreSQL URL', async () => {
    const database: TestDatabase = await createTestDatabase();
    const store = await createEventStore({
      kind: 'postgres',
      url: database.url,
    });

    expect(await roundTrip(store)).toBe(2);
    await store.close();
    await database.drop();
  });

  it('keeps embedded events in its data directory across restarts', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'roster-es-'));
    const first = await createEventStore({ kind: 'embedded', dataDir });
    const stream = newStream(newTenant());
    await first.append({ stream, events: events(1), expected: 'no-stream' });
    await first.close();

    const second = await createEventStore({ kind: 'embedded', dataDir });
    const read = await second.readStream(stream);
    await second.close();
    await rm(dataDir, { recursive: true, force: true });

    expect(read).toHaveLength(1);
  });

  it('reads the log without counting a write of its PGlite client', async () => {
    const client = await createPgliteClient();
    const store = await createEventStore({ kind: 'sql', client });
    await roundTrip(store);
    const writes = client.writeCounter?.writes;

    const batch = await store.readAll({ from: START, limit: 10 });

    expect(batch.events).toHaveLength(2);
    expect(client.writeCounter?.writes).toBe(writes);
    await store.close();
    await client.close();
  });

  it('shares a SqlClient without closing it', async () => {
    const client = await createPgliteClient();
    const store = await createEventStore({ kind: 'sql', client });

    expect(await roundTrip(store)).toBe(2);
    await store.close();
    await expect(client.query('SELECT 1')).resolves.toBeDefined();
    await client.close();
  });

  it('chooses the KurrentDB adapter for a kurrentdb URL', async () => {
    const store = await createEventStore({
      kind: 'kurrentdb',
      url: 'kurrentdb://127.0.0.1:1?tls=false',
    });

    expect(store).toBeInstanceOf(KurrentEventStore);
    expect(store.capabilities.atomicMultiStreamAppend).toBe(true);
    await store.close();
  });
});
