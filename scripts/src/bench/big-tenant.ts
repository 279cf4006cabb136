import type { ScenarioContext } from './bench-types';
import type { BenchTenant } from './roster-admin';
import { groupBody } from './scim-bodies';
import { seedUserName } from './seed-plan';
import type { SeededTenant } from './seed-plan';
import { seedUsers } from './seed-users';
import type { SeededUsers } from './seed-users';

/** The tenant of scenarios 2 and 3: many users, a few groups. */
export interface BigTenant {
  readonly tenant: BenchTenant;
  readonly users: SeededUsers;
  /** Groups for member changes, one per load client. */
  readonly groups: string[];
  /** Groups that were seeded with it, by displayName. */
  readonly seededGroups: Record<string, string>;
}

/** A tenant written before the run (seed-states.ts), with its users. */
export interface SeededSource {
  readonly tenant: BenchTenant;
  readonly seeded: SeededTenant;
}

/**
 * The `mixedUsers` users, plus `groupAdd` more that the large group can
 * take in and give back: seeded through the ledger when `source` is
 * given, else created by SCIM POSTs (the peer). Then the groups.
 */
export async function prepareBigTenant(
  ctx: ScenarioContext,
  source?: SeededSource,
): Promise<BigTenant> {
  const count = ctx.scale.mixedUsers + ctx.scale.groupAdd;
  const { tenant, users } = source
    ? { tenant: source.tenant, users: seededUsers(source) }
    : await postedUsers(ctx, count);

  const groups: string[] = [];
  for (let g = 0; g < ctx.scale.clients; g++) {
    const group = await tenant.scim.json<{ id: string }>(
      'POST',
      '/Groups',
      groupBody(`Mixed ${g}`),
    );
    groups.push(group.id);
  }
  const seededGroups = source?.seeded.groupIds ?? {};
  return { tenant, users, groups, seededGroups };
}

async function postedUsers(ctx: ScenarioContext, count: number) {
  const sockets = ctx.scale.clients + 2;
  const tenant = await ctx.system.createTenant('s2big', sockets);
  const users = await seedUsers(tenant, count, ctx.progress, ctx.scale.clients);
  return { tenant, users };
}

function seededUsers(source: SeededSource): SeededUsers {
  const ids = source.seeded.userIds;
  const { tenantId } = source.tenant;
  const userNames = ids.map((_, i) => seedUserName(i, tenantId));
  return { ids, userNames, seconds: 0 };
}
