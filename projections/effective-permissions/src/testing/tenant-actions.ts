import {
  changeGroup,
  createGroup,
  createUser,
  deleteGroup,
  deleteUser,
  runRoleCommand,
  setDirectGrant,
  updateUser,
  type CommitResult,
} from '@roster/ledger';
import type { MappingSource, MemberRef, UserState } from '@roster/domain';
import { createEffectivePermissionsReader } from '../effective-permissions-reader';
import type { CheckResult } from '../check-result';
import type { PermissionsHarness } from './permissions-harness';

/**
 * Writes through the ledger command services, as the ingress and the
 * admin API do, and resolves once checks see the write.
 */
export function tenantActions(h: PermissionsHarness, tenantId: string) {
  const ctx = () => h.ctx(tenantId);
  const reader = createEffectivePermissionsReader(h.client);
  const done = async <R extends CommitResult>(result: Promise<R>) => {
    const written = await result;
    await h.afterWrite(tenantId, written.position);
    return written;
  };
  const setUser = (
    userId: string,
    change: (s: UserState) => Partial<UserState>,
  ) =>
    done(
      updateUser(ctx(), userId, (state) => {
        const next = { ...state, ...change(state) };
        return {
          userName: next.userName,
          active: next.active,
          resource: next.resource,
        };
      }),
    );

  return {
    tenantId,
    user: async (userName: string, roles: readonly string[] = []) => {
      const resource = { userName, roles: roles.map((value) => ({ value })) };
      const write = { userName, active: true, resource };
      return (await done(createUser(ctx(), write, 'scim'))).userId;
    },
    productUser: async (userName: string) => {
      const write = { userName, active: true, resource: { userName } };
      return (await done(createUser(ctx(), write, 'product'))).userId;
    },
    setScimRoles: (userId: string, roles: readonly string[]) =>
      setUser(userId, (s) => ({
        resource: { ...s.resource, roles: roles.map((value) => ({ value })) },
      })),
    setActive: (userId: string, active: boolean) =>
      setUser(userId, () => ({ active })),
    deleteUser: (userId: string) => done(deleteUser(ctx(), userId)),
    grant: (userId: string, permission: string, granted = true) =>
      done(setDirectGrant(ctx(), userId, permission, granted)),
    group: async (displayName: string, members: readonly MemberRef[] = []) =>
      (await done(createGroup(ctx(), displayName, { displayName }, members)))
        .groupId,
    members: (
      groupId: string,
      added: readonly MemberRef[],
      removed: readonly string[] | 'all' = [],
    ) =>
      done(
        changeGroup(ctx(), groupId, (s) => ({
          displayName: s.displayName,
          resource: s.resource,
          added,
          removed,
        })),
      ),
    rename: (groupId: string, displayName: string) =>
      done(
        changeGroup(ctx(), groupId, (s) => ({
          displayName,
          resource: { ...s.resource, displayName },
          added: [],
          removed: [],
        })),
      ),
    deleteGroup: (groupId: string) => done(deleteGroup(ctx(), groupId)),
    defineRole: (role: string, permissions: readonly string[]) =>
      done(runRoleCommand(ctx(), { type: 'DefineRole', role, permissions })),
    removeRole: (role: string) =>
      done(runRoleCommand(ctx(), { type: 'RemoveRole', role })),
    map: async (role: string, source: MappingSource) => {
      const mappingId = h.ctx(tenantId).newId();
      await done(
        runRoleCommand(ctx(), { type: 'MapRole', mappingId, role, source }),
      );
      return mappingId;
    },
    unmap: (mappingId: string) =>
      done(runRoleCommand(ctx(), { type: 'UnmapRole', mappingId })),
    check: (userId: string, permission: string): Promise<CheckResult> =>
      reader.check(tenantId, { user: { userId }, permission }),
    allowed: async (userId: string, permission: string) =>
      (await reader.check(tenantId, { user: { userId }, permission })).allowed,
    reader,
  };
}

export type TenantActions = ReturnType<typeof tenantActions>;

export const userRef = (value: string): MemberRef => ({ value, type: 'User' });
export const groupRef = (value: string): MemberRef => ({
  value,
  type: 'Group',
});
