// Child process of the bench: writes a SeedPlan through the ledger into a
// Roster store, prints a JSON progress line per batch and writes the ids
// to the result file.
// Usage: seed-main.ts <plan.json> <result.json> (--postgres <url> | --data-dir <dir>)
import { readFile, writeFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { openStores } from '../../../packages/composition/src/index';
import { personalDataCodec } from '../../../packages/audit/src/index';
import { withEventCodec } from '../../../packages/ledger/src/index';
import { LedgerSeed } from './ledger-seed';
import { seedKeyring } from './seed-keyring';
import type { SeedPlan, SeedResult, TenantPlan } from './seed-plan';
import { seedUserName } from './seed-plan';

async function main(): Promise<void> {
  const [planFile, resultFile] = process.argv.slice(2);
  if (!planFile || !resultFile) throw new Error('usage: plan.json result.json');
  const plan = JSON.parse(await readFile(planFile, 'utf8')) as SeedPlan;
  const stores = await openStores(storeConfig());
  const keyring = seedKeyring(stores.readStore.client, stores.keyring);
  const store = withEventCodec(stores.eventStore, personalDataCodec(keyring));

  const started = performance.now();
  const result: SeedResult = { tenants: {}, seconds: 0, users: 0 };
  const total = plan.tenants.reduce((sum, t) => sum + t.users, 0);
  try {
    for (const tenant of plan.tenants) {
      const seed = new LedgerSeed(store, tenant.tenantId, keyring.prepare);
      result.tenants[tenant.tenantId] = await seedTenant(
        seed,
        tenant,
        plan,
        (n) => progress(result.users + n, total),
      );
      result.users += tenant.users;
    }
  } finally {
    await stores.close();
  }
  result.seconds = (performance.now() - started) / 1000;
  await writeFile(resultFile, JSON.stringify(result));
}

async function seedTenant(
  seed: LedgerSeed,
  tenant: TenantPlan,
  plan: SeedPlan,
  onUsers: (done: number) => void,
) {
  await seed.createTenant(tenant.scimToken);

  const userIds: string[] = [];
  for (let at = 0; at < tenant.users; at += plan.batch) {
    const end = Math.min(tenant.users, at + plan.batch);
    const users = Array.from({ length: end - at }, (_, k) => ({
      userName: seedUserName(at + k, tenant.tenantId),
      externalId: `seed${at + k}`,
    }));
    userIds.push(...(await seed.createUsers(users)));
    onUsers(end);
  }

  const groupIds: Record<string, string> = {};
  for (const group of tenant.groups) {
    const members = userIds.slice(0, group.members);
    groupIds[group.displayName] = await seed.createGroup(
      group.displayName,
      members,
    );
  }
  return { userIds, groupIds };
}

function progress(done: number, total: number): void {
  process.stdout.write(`${JSON.stringify({ done, total })}\n`);
}

function storeConfig() {
  const at = (flag: string) => {
    const index = process.argv.indexOf(flag);
    return index > 0 ? process.argv[index + 1] : undefined;
  };
  const url = at('--postgres');
  if (url) {
    return {
      mode: 'production',
      eventStore: 'postgres',
      DATABASE_URL: url,
      KURRENTDB_URL: undefined,
      dataDir: undefined,
    } as const;
  }
  return {
    mode: 'embedded',
    eventStore: 'embedded',
    DATABASE_URL: undefined,
    KURRENTDB_URL: undefined,
    dataDir: at('--data-dir'),
  } as const;
}

await main();
