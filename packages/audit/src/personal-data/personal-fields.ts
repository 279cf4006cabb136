import type { EventType } from '@roster/domain';

// TODO(limit): reservation streams (tenant:<t>:user-name:<name>) keep the
// normalised userName in the clear, in their name and data.
/** Events of a user stream whose userName and resource are personal. */
export const PERSONAL_EVENTS: ReadonlySet<EventType> = new Set<EventType>([
  'UserProvisioned',
  'UserAdopted',
  'UserAttributesChanged',
  'UserDeleted',
]);

/**
 * Resource attributes kept readable: role values are access data, not
 * personal data, and permissions history must outlive erasure.
 */
export function isAccessAttribute(name: string): boolean {
  return name.toLowerCase() === 'roles';
}

/** The user id of `tenant:<t>:user:<id>`, else null. */
export function userOfStream(
  stream: string,
): { tenantId: string; userId: string } | null {
  const match = /^tenant:([^:]+):user:(.+)$/.exec(stream);
  if (!match?.[1] || !match[2]) return null;
  return { tenantId: match[1], userId: match[2] };
}
