import type { Request } from 'express';
import type { ResourceType } from '@roster/scim';
import { selectAttributes } from '@roster/scim';
import type { ListQuery } from '../listing/list-query';
import type { StoredResource } from '../ports';
import { etagOf } from './send-scim';

/** The base URL of the SCIM API as the client reached it. */
export function scimBaseUrl(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}${req.baseUrl}`;
}

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
