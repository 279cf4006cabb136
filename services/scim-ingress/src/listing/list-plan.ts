import type { SqlTarget } from '@roster/scim';
import {
  listResponseSchemaUrn,
  parseFilter,
  sortSql,
  translateFilter,
} from '@roster/scim';
import type { ListRequest } from '../ports';
import type { ScimLimits } from '../scim-limits';
import type { ListQuery } from './list-query';
import { decodeCursor, encodeCursor, queryFingerprint } from './page-cursor';

/** Filter and sort of a list, as parameterised SQL for one target. */
export function sqlOf(
  query: ListQuery,
  target: SqlTarget,
): Pick<ListRequest, 'where' | 'orderBy'> {
  return {
    where: query.filter
      ? translateFilter(parseFilter(query.filter), target)
      : undefined,
    orderBy: query.sortBy
      ? sortSql(query.sortBy, query.sortOrder, target)
      : undefined,
  };
}

export interface PageWindow {
  readonly offset: number;
  readonly limit: number;
  /** The ListResponse around a page of rendered resources. */
  envelope(totalResults: number, resources: unknown[]): Record<string, unknown>;
}

/** Which slice of the results to return, by index or by cursor. */
export function pageWindow(
  query: ListQuery,
  scope: string,
  limits: ScimLimits,
  now: Date = new Date(),
): PageWindow {
  const { paging } = query;
  const fingerprint = queryFingerprint([
    scope,
    query.filter,
    query.sortBy,
    query.sortOrder,
  ]);
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const offset =
    paging.kind === 'index'
      ? paging.startIndex - 1
      : decodeCursor(
          paging.cursor,
          fingerprint,
          limits.cursorTtlSeconds,
          nowSeconds,
        );

  return {
    offset,
    limit: paging.count,
    envelope: (totalResults, resources) => {
      const body: Record<string, unknown> = {
        schemas: [listResponseSchemaUrn],
        totalResults,
        itemsPerPage: resources.length,
        Resources: resources,
      };
      if (paging.kind === 'index') body['startIndex'] = paging.startIndex;

      const next = offset + resources.length;
      if (paging.kind === 'cursor' && paging.count > 0 && next < totalResults) {
        body['nextCursor'] = encodeCursor({
          offset: next,
          query: fingerprint,
          issuedAt: nowSeconds,
        });
      }
      return body;
    },
  };
}
