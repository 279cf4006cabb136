import type { ScimResource } from './events/scim-resource';

/**
 * The `value` of each entry of a user's SCIM `roles` (any case of the
 * attribute name, as IdPs send it). Bare strings count as values too.
 */
export function scimRoleValues(resource: Readonly<ScimResource>): string[] {
  const key = Object.keys(resource).find((k) => k.toLowerCase() === 'roles');
  const roles = key === undefined ? undefined : resource[key];
  if (!Array.isArray(roles)) return [];

  const values = roles.map(valueOf).filter((v): v is string => v !== null);
  return [...new Set(values)];
}

function valueOf(entry: unknown): string | null {
  if (typeof entry === 'string') return entry.length > 0 ? entry : null;
  if (typeof entry !== 'object' || entry === null) return null;

  const value = (entry as Record<string, unknown>)['value'];
  return typeof value === 'string' && value.length > 0 ? value : null;
}
