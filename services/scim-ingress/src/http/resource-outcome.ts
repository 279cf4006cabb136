import type { ResourceType } from '@roster/scim';
import type { StoredResource } from '../ports';
import type { Outcome, ScimCall } from './scim-call';
import { renderResource } from './render-resource';
import { etagOf } from './send-scim';

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
  const list = (name: string) => {
    const value = call.query[name];
    return typeof value === 'string'
      ? value.split(',').map((item) => item.trim())
      : [];
  };
  return {
    attributes: list('attributes'),
    excludedAttributes: list('excludedAttributes'),
  };
}
