// Statements one catch-up sends, counted through a wrapped SqlClient:
// the three projections' units of a tenant after one user update (what a
// SCIM PATCH appends), and after `events` updates (one batch each).
// Usage: pnpm exec tsx scripts/src/bench/catch-up-statements.ts [events=1000]
// PostgreSQL on 127.0.0.1:5432 (a scratch database).
import { randomUUID } from 'node:crypto';
import {
  migrateKeyring,
  personalDataCodec,
  sqlKeyring,
} from '../../../packages/audit/src/index';
import { rosterProjections } from '../../../packages/composition/src/index';
import { createEventStore } from '../../../packages/event-store/src/index';
import {
  createUser,
  updateUser,
  withEventCodec,
  type CommandContext,
} from '../../../packages/ledger/src/index';
import { createProjectionRuntime } from '../../../packages/projection-runtime/src/index';
import { countingSqlClient } from '../../../packages/sql/src/testing/index';
import { openReadStore } from '../../../packages/read-store/src/index';
import { createPgClient } from '../../../packages/sql/src/index';
import { createScratchDatabase } from './scratch-database';

const events = Number(process.argv[2] ?? 1000);
const database = await createScratchDatabase('roster_stmt_count');
const client = countingSqlClient(createPgClient(database.url));

try {
  await migrateKeyring(client);
  const raw = await createEventStore({ kind: 'sql', client });
  const store = withEventCodec(raw, personalDataCodec(sqlKeyring(client)));
  const readStore = await openReadStore({ client });
  const runtime = createProjectionRuntime({
    store,
    readStore,
    projections: rosterProjections,
  });
  await runtime.start();

  const tenantId = 'stmt-count';
  const ctx: CommandContext = {
    store,
    tenantId,
    newId: randomUUID,
    request: {
      tenantId,
      actor: { kind: 'scim-token', id: 'tok-1' },
      requestId: randomUUID(),
      correlationId: randomUUID(),
      userAgent: 'Count/1',
    },
  };
  const write = (n: number) => ({
    userName: 'ada@example.com',
    active: true,
    resource: { userName: 'ada@example.com', displayName: `Ada ${n}` },
  });
  const catchUpTenant = async (): Promise<number> => {
    client.reset();
    for (const unit of runtime.unitsOfTenant(tenantId)) {
      await runtime.catchUp(unit);
    }
    return client.statements.length;
  };

  const { userId } = await createUser(ctx, write(0), 'scim');
  await catchUpTenant();

  await updateUser(ctx, userId, write(1));
  const one = await catchUpTenant();
  console.log(`one update: ${one} statements over 3 units`);
  for (const text of client.statements) console.log(`  ${text.slice(0, 76)}`);

  for (let n = 2; n < events + 2; n++) await updateUser(ctx, userId, write(n));
  const many = await catchUpTenant();
  console.log(`${events} updates: ${many} statements over 3 units`);
  const kinds = new Map<string, number>();
  for (const text of client.statements) {
    const kind = text.slice(0, 70);
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  for (const [kind, n] of kinds) console.log(`  ${n} × ${kind}`);

  await runtime.close();
} finally {
  await client.close();
  await database.drop();
}
