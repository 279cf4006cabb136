import type { NextFunction, Request, Response } from 'express';
import type { ResourceType } from '@roster/scim';
import { selectAttributes } from '@roster/scim';
import type { ListQuery } from '../listing/list-query';
import type { StoredResource } from '../ports';
import { etagOf } from './send-scim';

/** Remembers where the SCIM API is mounted, for `meta.location`. */
export function rememberScimBase(
  req: Request,
  _res: Response,
  next: NextFunction,
): void {
  (req as WithBase)[baseKey] = req.baseUrl;
  next();
}

/** The base URL of the SCIM API as the client reached it. */
export function scimBaseUrl(req: Request): string {
  const mount = (req as WithBase)[baseKey] ?? req.baseUrl;
  return `${req.protocol}://${req.get('host') ?? 'localhost'}${mount}`;
}

const baseKey = Symbol('roster.scimBase');
type WithBase = Request & { [baseKey]?: string };

/** A stored resource in response form: meta completed, attributes chosen. */
export function renderResource(
  stored: StoredResource,
  type: ResourceType,
  baseUrl: string,
  selection: Pick<ListQuery, 'attributes' | 'excludedAttributes'> = {
    attributes: [],
    excludedAttributes: [],
  },
): Record<string, unknown> {
  const id = String(stored.resource['id']);
  const meta = {
    ...(stored.resource['meta'] as Record<string, unknown> | undefined),
    resourceType: type.name,
    version: etagOf(stored.revision),
    location: `${baseUrl}${type.endpoint}/${encodeURIComponent(id)}`,
  };
  return selectAttributes({ ...stored.resource, meta }, type, selection);
}
