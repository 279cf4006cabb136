import { createUser, deleteUser, updateUser } from '@roster/ledger';
import {
  applyPatch,
  normaliseResource,
  parsePatchRequest,
  ScimError,
  userResourceType,
} from '@roster/scim';
import { resourceOutcome } from '../http/resource-outcome';
import type { ResourceOperations } from '../http/resource-routes';
import type { Outcome, ScimCall } from '../http/scim-call';
import { toUserWrite } from './user-write';

export async function getUserOp(call: ScimCall, id: string): Promise<Outcome> {
  return resourceOutcome(call, await readUser(call, id), userResourceType, 200);
}

export async function createUserOp(
  call: ScimCall,
  body: unknown,
): Promise<Outcome> {
  const write = toUserWrite(normaliseResource(body, userResourceType), true);

  const result = await createUser(call.ctx, write, 'scim');
  await call.deps.consistency.afterWrite(call.ctx.tenantId, result.position);

  return resourceOutcome(
    call,
    await readUser(call, result.userId),
    userResourceType,
    201,
  );
}

export async function replaceUserOp(
  call: ScimCall,
  id: string,
  body: unknown,
): Promise<Outcome> {
  const resource = normaliseResource(body, userResourceType);

  const result = await updateUser(
    call.ctx,
    id,
    (state) => toUserWrite(resource, state.active),
    call.ifMatch,
  );
  await call.deps.consistency.afterWrite(call.ctx.tenantId, result.position);

  return resourceOutcome(call, await readUser(call, id), userResourceType, 200);
}

export async function patchUserOp(
  call: ScimCall,
  id: string,
  body: unknown,
): Promise<Outcome> {
  const maxOperations = call.deps.limits.maxPatchOperations;
  const operations = parsePatchRequest(body, { maxOperations });

  const patched = (state: {
    resource: Record<string, unknown>;
    active: boolean;
  }) => {
    const current = { ...state.resource, active: state.active };
    return toUserWrite(
      applyPatch(current, operations, userResourceType),
      state.active,
    );
  };
  const result = await updateUser(call.ctx, id, patched, call.ifMatch);
  await call.deps.consistency.afterWrite(call.ctx.tenantId, result.position);

  return resourceOutcome(call, await readUser(call, id), userResourceType, 200);
}

export async function deleteUserOp(
  call: ScimCall,
  id: string,
): Promise<Outcome> {
  const result = await deleteUser(call.ctx, id, call.ifMatch);
  await call.deps.consistency.afterWrite(call.ctx.tenantId, result.position);
  return { status: 204 };
}

async function readUser(call: ScimCall, id: string) {
  const stored = await call.deps.reader.getUser(call.ctx.tenantId, id);
  if (!stored) throw new ScimError(404, undefined, `User ${id} not found`);
  return stored;
}

export const userOperations: ResourceOperations = {
  scope: 'User',
  get: getUserOp,
  create: createUserOp,
  replace: replaceUserOp,
  patch: patchUserOp,
  remove: deleteUserOp,
};
