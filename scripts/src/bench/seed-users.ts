import type { ProgressBar } from './progress-bar';
import type { BenchTenant } from './roster-admin';
import { runPool } from './run-pool';
import { userBody } from './scim-bodies';
import { seedUserName } from './seed-plan';

export interface SeededUsers {
  readonly ids: string[];
  readonly userNames: string[];
  readonly seconds: number;
}

/**
 * Creates `count` users by POST from `lanes` concurrent clients. Not
 * /Bulk: a bulk runs its operations one after another, each waiting for
 * the read models, so it is slower than parallel POSTs and can pass the
 * request deadline.
 */
export async function seedUsers(
  tenant: BenchTenant,
  count: number,
  progress: ProgressBar,
  lanes: number,
): Promise<SeededUsers> {
  const ids: string[] = new Array<string>(count);
  const userNames = Array.from({ length: count }, (_, i) =>
    seedUserName(i, tenant.tenantId),
  );
  progress.start(`seeding ${count} users into ${tenant.tenantId}`, count);

  const started = Date.now();
  const pool = { count, concurrency: lanes, maxMs: 3_600_000 };
  await runPool({ ...pool, onDone: (n) => progress.update(n) }, async (i) => {
    const body = userBody(userNames[i]!, `seed${i}`);
    const created = await tenant.scim.json<{ id: string }>(
      'POST',
      '/Users',
      body,
    );
    ids[i] = created.id;
  });
  progress.finish();

  return { ids, userNames, seconds: (Date.now() - started) / 1000 };
}
