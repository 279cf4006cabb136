import {
  groupResourceType,
  groupSqlTarget,
  ScimError,
  userResourceType,
  userSqlTarget,
} from '@roster/scim';
import { renderResource } from '../http/render-resource';
import type { Outcome, ScimCall } from '../http/scim-call';
import type { ListResult } from '../ports';
import type { ListQuery } from './list-query';
import { parseListQuery } from './list-query';
import { pageWindow, sqlOf } from './list-plan';

export type ListScope = 'User' | 'Group' | 'all';

/**
 * A list or search. The root scope ('all') pages over users, then groups,
 * with a filter that a type cannot have matching none of that type.
 */
export async function listOp(
  call: ScimCall,
  scope: ListScope,
  params: Readonly<Record<string, unknown>>,
): Promise<Outcome> {
  const query = parseListQuery(params, call.deps.limits);
  const window = pageWindow(query, scope, call.deps.limits);

  const lenient = scope === 'all';
  const users =
    scope === 'Group'
      ? null
      : await attempt(lenient, () => readUsers(call, query, window));
  const skipped = Math.max(0, window.offset - fit(users).totalResults);
  const room = window.limit - fit(users).resources.length;
  const groups =
    scope === 'User'
      ? null
      : await attempt(lenient, () => readGroups(call, query, skipped, room));
  if (lenient && users === 'unfit' && groups === 'unfit') {
    throw ScimError.badRequest(
      'invalidFilter',
      'the filter fits neither Users nor Groups',
    );
  }

  const [userPage, groupPage] = [fit(users), fit(groups)];
  const total = userPage.totalResults + groupPage.totalResults;
  const resources = [
    ...userPage.resources.map((stored) =>
      renderResource(stored, userResourceType, call.baseUrl, query),
    ),
    ...groupPage.resources.map((stored) =>
      renderResource(stored, groupResourceType, call.baseUrl, query),
    ),
  ];
  return { status: 200, body: window.envelope(total, resources) };
}

function readUsers(
  call: ScimCall,
  query: ListQuery,
  window: { offset: number; limit: number },
) {
  const request = { ...sqlOf(query, userSqlTarget), ...window };
  return call.deps.reader.listUsers(call.ctx.tenantId, request);
}

function readGroups(
  call: ScimCall,
  query: ListQuery,
  offset: number,
  limit: number,
) {
  const request = {
    ...sqlOf(query, groupSqlTarget),
    offset,
    limit: Math.max(limit, 0),
  };
  return call.deps.reader.listGroups(
    call.ctx.tenantId,
    request,
    wantsMembers(query),
  );
}

/** In a root search, a filter on another type's attributes fits no resource of this one. */
async function attempt(
  lenient: boolean,
  read: () => Promise<ListResult>,
): Promise<ListResult | 'unfit'> {
  try {
    return await read();
  } catch (error) {
    const unfit =
      error instanceof ScimError && error.scimType === 'invalidFilter';
    if (lenient && unfit) return 'unfit';
    throw error;
  }
}

/** Members are read only when the response will show them. */
export function wantsMembers(
  query: Pick<ListQuery, 'attributes' | 'excludedAttributes'>,
): boolean {
  const named = (list: readonly string[]) =>
    list.some((name) => /^members(\.|$)/i.test(name));
  if (named(query.excludedAttributes)) return false;
  return query.attributes.length === 0 || named(query.attributes);
}

export function searchBody(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw ScimError.badRequest(
      'invalidSyntax',
      'a search body must be a SearchRequest object',
    );
  }
  return body as Record<string, unknown>;
}

const none: ListResult = { totalResults: 0, resources: [] };

function fit(result: ListResult | 'unfit' | null): ListResult {
  return result === null || result === 'unfit' ? none : result;
}
