export const bigTenantId = 's2big';
export const checkTenantId = 's4checks';
export const largeGroupName = 'Large';
export const readersGroupName = 'Readers';

/** What seed-main.ts writes through the ledger, tenant by tenant. */
export interface SeedPlan {
  readonly tenants: readonly TenantPlan[];
  /** Users per append. */
  readonly batch: number;
}

export interface TenantPlan {
  readonly tenantId: string;
  /** A SCIM token the tenant accepts afterwards. */
  readonly scimToken: string;
  /** Users named by seedUserName(0..users-1). */
  readonly users: number;
  /** Groups holding the first `members` users. */
  readonly groups: readonly { displayName: string; members: number }[];
}

export interface SeedResult {
  readonly tenants: Record<string, SeededTenant>;
  seconds: number;
  users: number;
}

export interface SeededTenant {
  readonly userIds: string[];
  readonly groupIds: Record<string, string>;
}

export function seedUserName(index: number, tenantId: string): string {
  return `seed${index}@${tenantId}.example`;
}
