import { ScimError } from '@roster/scim';
import type { Outcome, ScimCall } from '../http/scim-call';
import {
  createGroupOp,
  deleteGroupOp,
  patchGroupOp,
  replaceGroupOp,
} from '../groups/group-operations';
import {
  createUserOp,
  deleteUserOp,
  patchUserOp,
  replaceUserOp,
} from '../users/user-operations';

type Operation = (
  call: ScimCall,
  id: string,
  data: unknown,
) => Promise<Outcome>;

const byResource: Record<string, Record<string, Operation | undefined>> = {
  users: {
    POST: (call, _id, data) => createUserOp(call, data),
    PUT: replaceUserOp,
    PATCH: patchUserOp,
    DELETE: (call, id) => deleteUserOp(call, id),
  },
  groups: {
    POST: (call, _id, data) => createGroupOp(call, data),
    PUT: replaceGroupOp,
    PATCH: patchGroupOp,
    DELETE: (call, id) => deleteGroupOp(call, id),
  },
};

/** Runs one bulk operation: `POST /Users`, `PATCH /Groups/{id}` and so on. */
export function dispatchBulk(
  call: ScimCall,
  method: string,
  path: string,
  data: unknown,
): Promise<Outcome> {
  const match = /^\/?(users|groups)(?:\/([^/?#]+))?\/?$/i.exec(path);
  const resource = match?.[1]?.toLowerCase() ?? '';
  const id =
    match?.[2] === undefined ? undefined : decodeURIComponent(match[2]);
  const operation = byResource[resource]?.[method.toUpperCase()];

  if (
    !match ||
    !operation ||
    (method.toUpperCase() === 'POST') !== (id === undefined)
  ) {
    throw ScimError.badRequest('invalidValue', `bulk cannot ${method} ${path}`);
  }
  return operation(call, id ?? '', data);
}
