import { ScimError } from '@roster/scim';
import { groupOperations } from '../groups/group-operations';
import type { ResourceOperations } from '../http/resource-routes';
import type { Outcome, ScimCall } from '../http/scim-call';
import { userOperations } from '../users/user-operations';

const byResource: Record<string, ResourceOperations | undefined> = {
  users: userOperations,
  groups: groupOperations,
};

/** Runs one bulk operation: `POST /Users`, `PATCH /Groups/{id}` and so on. */
export function dispatchBulk(
  call: ScimCall,
  method: string,
  path: string,
  data: unknown,
): Promise<Outcome> {
  const match = /^\/?(users|groups)(?:\/([^/?#]+))?\/?$/i.exec(path);
  const ops = byResource[match?.[1]?.toLowerCase() ?? ''];
  const id = match?.[2];
  const verb = method.toUpperCase();

  if (ops && verb === 'POST' && id === undefined) return ops.create(call, data);
  if (ops && id !== undefined) {
    if (verb === 'PUT') return ops.replace(call, id, data);
    if (verb === 'PATCH') return ops.patch(call, id, data);
    if (verb === 'DELETE') return ops.remove(call, id);
  }
  throw ScimError.badRequest('invalidValue', `bulk cannot ${method} ${path}`);
}
