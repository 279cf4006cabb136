import { Router } from 'express';
import { listOp, searchBody } from '../listing/list-operation';
import type { ScimDeps } from '../scim-deps';
import { assertSafeText } from './safe-text';
import { handle } from './scim-call';
import type { Outcome, ScimCall } from './scim-call';

/** The operations of one resource type, by what they do. */
export interface ResourceOperations {
  readonly scope: 'User' | 'Group';
  get(call: ScimCall, id: string): Promise<Outcome>;
  create(call: ScimCall, body: unknown): Promise<Outcome>;
  replace(call: ScimCall, id: string, body: unknown): Promise<Outcome>;
  patch(call: ScimCall, id: string, body: unknown): Promise<Outcome>;
  remove(call: ScimCall, id: string): Promise<Outcome>;
}

/** List, search, read, create, replace, patch and delete of one type. */
export function resourceRoutes(
  deps: ScimDeps,
  ops: ResourceOperations,
): Router {
  const router = Router({ caseSensitive: false, strict: false });
  const id = (params: Record<string, string | string[] | undefined>) => {
    const value = String(params['id']);
    assertSafeText(value, 'the resource id');
    return value;
  };

  router.get(
    '/',
    handle(deps, (call) => listOp(call, ops.scope, call.query)),
  );
  router.post(
    '/.search',
    handle(deps, (call, req) => listOp(call, ops.scope, searchBody(req.body))),
  );
  router.get(
    '/:id',
    handle(deps, (call, req) => ops.get(call, id(req.params))),
  );
  router.post(
    '/',
    handle(deps, (call, req) => ops.create(call, req.body)),
  );
  router.put(
    '/:id',
    handle(deps, (call, req) => ops.replace(call, id(req.params), req.body)),
  );
  router.patch(
    '/:id',
    handle(deps, (call, req) => ops.patch(call, id(req.params), req.body)),
  );
  router.delete(
    '/:id',
    handle(deps, (call, req) => ops.remove(call, id(req.params))),
  );
  return router;
}
