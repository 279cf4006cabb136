import type { ResourceType } from '@roster/scim';
import type { StoredResource } from '../ports';
import type { Outcome, ScimCall } from './scim-call';
import { renderResource } from './render-resource';
import { etagOf } from './send-scim';
import { attributeList } from '../listing/list-query';

/** A resource response with its ETag, and Location for a creation. */
export function resourceOutcome(
  call: ScimCall,
  stored: StoredResource,
  type: ResourceType,
  status: number,
): Outcome {
  const body = renderResource(stored, type, call.baseUrl, selectionOf(call));
  const meta = body['meta'] as { location?: string } | undefined;
  const location = meta?.location ?? '';

  return {
    status,
    body,
    etag: etagOf(stored.revision),
    ...(status === 201 ? { location } : {}),
  };
}

function selectionOf(call: ScimCall) {
  return {
    attributes: attributeList('attributes', call.query['attributes']),
    excludedAttributes: attributeList(
      'excludedAttributes',
      call.query['excludedAttributes'],
    ),
  };
}
