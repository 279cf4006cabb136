import { Router } from 'express';
import { handle } from '../http/scim-call';
import { listOp, searchBody } from '../listing/list-operation';
import type { ScimDeps } from '../scim-deps';
import {
  createGroupOp,
  deleteGroupOp,
  getGroupOp,
  patchGroupOp,
  replaceGroupOp,
} from './group-operations';

/** /Groups: list, search, read, create, replace, patch (as deltas), delete. */
export function groupRoutes(deps: ScimDeps): Router {
  const router = Router({ caseSensitive: false, strict: false });
  const id = (params: Record<string, string | string[] | undefined>) =>
    String(params['id']);

  router.get(
    '/',
    handle(deps, (call) => listOp(call, 'Group', call.query)),
  );
  router.post(
    '/.search',
    handle(deps, (call, req) => listOp(call, 'Group', searchBody(req.body))),
  );
  router.get(
    '/:id',
    handle(deps, (call, req) => getGroupOp(call, id(req.params))),
  );
  router.post(
    '/',
    handle(deps, (call, req) => createGroupOp(call, req.body)),
  );
  router.put(
    '/:id',
    handle(deps, (call, req) => replaceGroupOp(call, id(req.params), req.body)),
  );
  router.patch(
    '/:id',
    handle(deps, (call, req) => patchGroupOp(call, id(req.params), req.body)),
  );
  router.delete(
    '/:id',
    handle(deps, (call, req) => deleteGroupOp(call, id(req.params))),
  );
  return router;
}
