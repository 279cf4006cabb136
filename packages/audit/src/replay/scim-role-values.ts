/**
 * The `value` of each entry of a user's SCIM `roles` (the attribute name in
 * any case); bare strings count as values. The same reading as the
 * effective-permissions projection.
 */
export function scimRoleValues(resource: Readonly<Record<string, unknown>>) {
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
