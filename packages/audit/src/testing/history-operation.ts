import type { MappingSource, MemberRef } from '@roster/domain';

/** One thing that happened to a tenant, at a time of its own. */
export type HistoryOperation = {
  readonly tenantId: string;
  readonly at: Date;
} & (
  | { kind: 'createUser'; userId: string; userName: string; roles: string[] }
  | { kind: 'setRoles'; userId: string; roles: string[] }
  | { kind: 'setActive'; userId: string; active: boolean }
  | { kind: 'deleteUser'; userId: string }
  | { kind: 'grant'; userId: string; permission: string; granted: boolean }
  | { kind: 'createGroup'; groupId: string; name: string }
  | { kind: 'rename'; groupId: string; name: string; previous: string }
  | { kind: 'members'; groupId: string; added: MemberRef[]; removed: string[] }
  | { kind: 'deleteGroup'; groupId: string; name: string }
  | { kind: 'defineRole'; role: string; permissions: string[] }
  | { kind: 'removeRole'; role: string }
  | { kind: 'map'; mappingId: string; role: string; source: MappingSource }
  | { kind: 'unmap'; mappingId: string }
);
