import type { GroupState } from '@roster/domain';
import { changeGroup, createGroup, deleteGroup } from '@roster/ledger';
import type { GroupChange } from '@roster/ledger';
import {
  applyPatch,
  groupResourceType,
  namedAttributes,
  normaliseResource,
  parsePatchRequest,
  planGroupPatch,
  ScimError,
} from '@roster/scim';
import { resourceOutcome } from '../http/resource-outcome';
import type { ResourceOperations } from '../http/resource-routes';
import type { Outcome, ScimCall } from '../http/scim-call';
import { parseListQuery } from '../listing/list-query';
import { wantsMembers } from '../listing/list-operation';
import {
  changeFromPlan,
  displayNameOf,
  membersOf,
  storedGroupResource,
} from './group-write';

export async function getGroupOp(call: ScimCall, id: string): Promise<Outcome> {
  const query = parseListQuery(call.query, call.deps.limits);
  const stored = await readGroup(call, id, wantsMembers(query));
  return resourceOutcome(call, stored, groupResourceType, 200);
}

export async function createGroupOp(
  call: ScimCall,
  body: unknown,
): Promise<Outcome> {
  const resource = normaliseResource(body, groupResourceType);

  const displayName = displayNameOf(resource);
  const stored = storedGroupResource(resource);
  const result = await createGroup(
    call.ctx,
    displayName,
    stored,
    membersOf(resource),
  );
  await call.deps.consistency.afterWrite(call.ctx.tenantId, result.position);

  return resourceOutcome(
    call,
    await readGroup(call, result.groupId, true),
    groupResourceType,
    201,
  );
}

export async function replaceGroupOp(
  call: ScimCall,
  id: string,
  body: unknown,
): Promise<Outcome> {
  const resource = normaliseResource(body, groupResourceType);

  const replacement = (state: GroupState) =>
    replaceMembers(
      resource,
      namedAttributes(body, groupResourceType).has('members'),
      state,
    );
  const result = await changeGroup(call.ctx, id, replacement, call.ifMatch);
  await call.deps.consistency.afterWrite(call.ctx.tenantId, result.position);

  return resourceOutcome(
    call,
    await readGroup(call, id, true),
    groupResourceType,
    200,
  );
}

export async function patchGroupOp(
  call: ScimCall,
  id: string,
  body: unknown,
): Promise<Outcome> {
  const maxOperations = call.deps.limits.maxPatchOperations;
  const operations = parsePatchRequest(body, { maxOperations });

  const patched = (state: GroupState) => {
    const plan = planGroupPatch(operations, (member) =>
      state.members.has(member),
    );
    const current = { ...state.resource, id };
    return changeFromPlan(
      plan,
      applyPatch(current, plan.resourceChanges, groupResourceType),
    );
  };
  const result = await changeGroup(call.ctx, id, patched, call.ifMatch);
  await call.deps.consistency.afterWrite(call.ctx.tenantId, result.position);

  // Entra and Okta accept 204: a large group's members stay unread.
  return { status: 204 };
}

export async function deleteGroupOp(
  call: ScimCall,
  id: string,
): Promise<Outcome> {
  const result = await deleteGroup(call.ctx, id, call.ifMatch);
  await call.deps.consistency.afterWrite(call.ctx.tenantId, result.position);
  return { status: 204 };
}

/**
 * A PUT without `members` leaves them alone, as Okta expects; one that
 * names them, even as [] or null, replaces them all.
 */
function replaceMembers(
  resource: Record<string, unknown>,
  membersNamed: boolean,
  state: GroupState,
): GroupChange {
  const base = {
    displayName: displayNameOf(resource),
    resource: storedGroupResource(resource),
  };
  if (!membersNamed) return { ...base, added: [], removed: [] };

  const members = membersOf(resource);
  const wanted = new Set(members.map((member) => member.value));
  const removed = [...state.members.keys()].filter(
    (member) => !wanted.has(member),
  );
  return { ...base, added: members, removed };
}

async function readGroup(call: ScimCall, id: string, withMembers: boolean) {
  const stored = await call.deps.reader.getGroup(
    call.ctx.tenantId,
    id,
    withMembers,
  );
  if (!stored) throw new ScimError(404, undefined, `Group ${id} not found`);
  return stored;
}

export const groupOperations: ResourceOperations = {
  scope: 'Group',
  get: getGroupOp,
  create: createGroupOp,
  replace: replaceGroupOp,
  patch: patchGroupOp,
  remove: deleteGroupOp,
};
