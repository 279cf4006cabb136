import { Router } from 'express';
import { handle } from '../http/scim-call';
import { listOp, searchBody } from '../listing/list-operation';
import type { ScimDeps } from '../scim-deps';
import {
  createUserOp,
  deleteUserOp,
  getUserOp,
  patchUserOp,
  replaceUserOp,
} from './user-operations';

/** /Users: list, search, read, create, replace, patch, delete. */
export function userRoutes(deps: ScimDeps): Router {
  const router = Router({ caseSensitive: false, strict: false });
  const id = (params: Record<string, string | string[] | undefined>) =>
    String(params['id']);

  router.get(
    '/',
    handle(deps, (call) => listOp(call, 'User', call.query)),
  );
  router.post(
    '/.search',
    handle(deps, (call, req) => listOp(call, 'User', searchBody(req.body))),
  );
  router.get(
    '/:id',
    handle(deps, (call, req) => getUserOp(call, id(req.params))),
  );
  router.post(
    '/',
    handle(deps, (call, req) => createUserOp(call, req.body)),
  );
  router.put(
    '/:id',
    handle(deps, (call, req) => replaceUserOp(call, id(req.params), req.body)),
  );
  router.patch(
    '/:id',
    handle(deps, (call, req) => patchUserOp(call, id(req.params), req.body)),
  );
  router.delete(
    '/:id',
    handle(deps, (call, req) => deleteUserOp(call, id(req.params))),
  );
  return router;
}
