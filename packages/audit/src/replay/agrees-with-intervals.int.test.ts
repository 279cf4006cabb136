import { createAccessIntervalsReader } from '@roster/projection-access-intervals';
import { effectivePermissionsProjection } from '@roster/projection-effective-permissions';
import { createProjectionRuntime } from '@roster/projection-runtime';
import { openReadStore, type ReadStore } from '@roster/read-store';
import {
  openLedger,
  randomOperations,
  seededRandom,
  writeHistory,
  type HistoryOperation,
  type OpenLedger,
} from '../testing';
import { sourceKey, type PermissionSource } from './permission-source';
import { permissionsAt } from './permissions-at';

const START = new Date('2026-03-01T00:00:00.000Z');
const STEP_MS = 60_000;

let ledger: OpenLedger;
let readStore: ReadStore;
let operations: HistoryOperation[];

beforeAll(async () => {
  ledger = await openLedger();
  operations = randomOperations(seededRandom(11), 'acme', 600, START, STEP_MS);
  await writeHistory(ledger.store, operations, ['acme']);

  readStore = await openReadStore({ client: ledger.client });
  const runtime = createProjectionRuntime({
    store: ledger.store,
    readStore,
    projections: [effectivePermissionsProjection],
    partitions: 1,
  });
  await runtime.start();
  for (const unit of runtime.units()) await runtime.catchUp(unit);
  await runtime.close();
}, 300_000);

afterAll(() => ledger.client.close());

it('replays the same permissions as the access intervals hold, at 100 random instants', async () => {
  const random = seededRandom(99);
  const intervals = createAccessIntervalsReader(readStore.db);
  const users = operations.flatMap((o) =>
    o.kind === 'createUser' ? [o.userId] : [],
  );

  for (let index = 0; index < 100; index += 1) {
    const userId = random.pick(users);
    const at = new Date(
      START.getTime() + random.int(operations.length * STEP_MS),
    );

    const replayed = await permissionsAt(ledger.store, 'acme', userId, at);
    const held = await intervals.permissionsAt('acme', userId, at);

    const mine = new Map(
      replayed.permissions.map((p) => [p.permission, p.sources.map(sourceKey)]),
    );
    expect(mine).toEqual(byPermission(held));
  }
});

function byPermission(
  held: { permission: string; source: unknown }[],
): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const interval of held) {
    const keys = result.get(interval.permission) ?? [];
    result.set(
      interval.permission,
      [...keys, sourceKey(interval.source as PermissionSource)].sort(),
    );
  }
  return result;
}
