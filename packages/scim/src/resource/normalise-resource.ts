import type { ResourceType } from '../schema/resource-type';
import type { ScimResource } from './json-value';
import { validateResource } from './validate-resource';
import { issuesToError } from './validation-issue';

/**
 * The canonical stored form of a POST or PUT body.
 * @throws ScimError invalidSyntax (unknown attribute, not an object) or
 *   invalidValue (wrong type, required attribute missing).
 */
export function normaliseResource(
  body: unknown,
  type: ResourceType,
): ScimResource {
  const { resource, issues } = validateResource(body, type);
  if (issues.length > 0) throw issuesToError(issues);
  return resource;
}
