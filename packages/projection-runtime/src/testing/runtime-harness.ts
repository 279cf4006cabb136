import { createEventStore, type EventStore } from '@roster/event-store';
import { openReadStore, type ReadStore } from '@roster/read-store';
import { createTestDatabase } from '@roster/read-store/testing';
import { createPgClient, type SqlClient } from '@roster/sql';
import {
  createProjectionRuntime,
  type ProjectionRuntime,
} from '../projection-runtime';
import { orderCheckProjection } from './order-check-projection';

/** A started runtime of `orderCheckProjection()` on a database of its own. */
export interface RuntimeHarness<C extends SqlClient> {
  readonly client: C;
  readonly store: EventStore;
  readonly readStore: ReadStore;
  readonly runtime: ProjectionRuntime;
  close(): Promise<void>;
}

export interface RuntimeHarnessOptions<C extends SqlClient> {
  readonly partitions: number;
  readonly batchSize?: number;
  /** Wraps the client every store uses, e.g. to count statements. */
  readonly wrap?: (client: SqlClient) => C;
}

export async function openRuntimeHarness<C extends SqlClient = SqlClient>(
  options: RuntimeHarnessOptions<C>,
): Promise<RuntimeHarness<C>> {
  const database = await createTestDatabase();
  const plain = createPgClient(database.url);
  const client = options.wrap ? options.wrap(plain) : (plain as C);
  const store = await createEventStore({ kind: 'sql', client });
  const readStore = await openReadStore({ client });
  const runtime = createProjectionRuntime({
    store,
    readStore,
    projections: [orderCheckProjection()],
    partitions: options.partitions,
    ...(options.batchSize === undefined
      ? {}
      : { batchSize: options.batchSize }),
  });
  await runtime.start();

  const close = async () => {
    await runtime.close();
    await client.close();
    await database.drop();
  };
  return { client, store, readStore, runtime, close };
}
