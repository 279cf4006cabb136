import type { ScenarioContext } from './bench-types';
import type { BenchTenant } from './roster-admin';
import { groupBody } from './scim-bodies';
import { seedUsers } from './seed-users';
import type { SeededUsers } from './seed-users';

/** The tenant of scenarios 2 and 3: many users, a few groups. */
export interface BigTenant {
  readonly tenant: BenchTenant;
  readonly users: SeededUsers;
  /** Groups for member changes, one per load client. */
  readonly groups: string[];
}

/**
 * Seeds `mixedUsers` users through /Bulk, plus `groupAdd` more that the
 * large group can take in and give back, and makes the groups.
 */
export async function prepareBigTenant(
  ctx: ScenarioContext,
): Promise<BigTenant> {
  const sockets = ctx.scale.clients + 2;
  const tenant = await ctx.system.createTenant('s2big', sockets);
  const count = ctx.scale.mixedUsers + ctx.scale.groupAdd;
  const users = await seedUsers(tenant, count, ctx.progress, ctx.scale.clients);

  const groups: string[] = [];
  for (let g = 0; g < ctx.scale.clients; g++) {
    const group = await tenant.scim.json<{ id: string }>(
      'POST',
      '/Groups',
      groupBody(`Mixed ${g}`),
    );
    groups.push(group.id);
  }
  return { tenant, users, groups };
}
