import { ScimError } from '../errors/scim-error';
import type { JsonObject, ScimResource } from '../resource/json-value';
import { isJsonObject } from '../resource/json-value';
import { withSchemas } from '../resource/validate-resource';
import { splitAttributePath } from '../schema/attribute-path';
import type { ResourceType } from '../schema/resource-type';
import { findExtensionUrn } from '../schema/resolve-attribute';
import { applyAtTarget } from './apply-at-target';
import type { PatchOp, PatchOperation } from './patch-operation';
import { cloneJson } from './patch-elements';
import type { PatchTarget } from './resolve-patch-target';
import { invalidPath, resolvePatchTarget } from './resolve-patch-target';

/**
 * Applies operations in order to a copy of `resource`: all or nothing.
 * An empty list returns an equal copy.
 * @throws ScimError invalidPath, mutability, invalidValue, noTarget,
 *   invalidFilter
 */
export function applyPatch(
  resource: ScimResource,
  operations: readonly PatchOperation[],
  type: ResourceType,
): ScimResource {
  const copy = cloneJson(resource);
  for (const operation of operations) applyOperation(copy, operation, type);
  return withSchemas(copy, type);
}

function applyOperation(
  resource: JsonObject,
  operation: PatchOperation,
  type: ResourceType,
): void {
  const { op, path, value } = operation;
  if (!path) return applyPathless(resource, op, value, type);
  // As in a pathless value: Entra sends custom schemas among other changes.
  if (isForeignUrn(type, path.text, path.attribute.uri)) return;

  const target = resolvePatchTarget(type, path.attribute, {
    text: path.text,
    ...(path.sub === undefined ? {} : { sub: path.sub }),
    ...(path.filter ? { filter: path.filter } : {}),
  });
  checkMutability(resource, target, op);
  applyTo(resource, op, target, value, type);
}

function applyTo(
  resource: JsonObject,
  op: PatchOp,
  target: PatchTarget,
  value: unknown,
  type: ResourceType,
): void {
  const urn = target.extensionUrn;
  if (!target.attribute) {
    if (!urn || (op === 'add' && value === undefined)) return;
    // A whole extension is a complex value: a replace keeps what it omits.
    if (op === 'remove') delete resource[urn];
    if (op !== 'remove' && isJsonObject(value)) {
      for (const [key, item] of Object.entries(value)) {
        applyKey(resource, op, `${urn}:${key}`, item, type);
      }
    }
    return;
  }

  const existing = urn ? resource[urn] : resource;
  const container = isJsonObject(existing) ? existing : {};
  applyAtTarget(
    container,
    op,
    { ...target, attribute: target.attribute },
    value,
  );
  if (!urn) return;

  if (Object.keys(container).length > 0) resource[urn] = container;
  else delete resource[urn];
}

// Okta and Entra send pathless values with plain, dotted and URN keys.
function applyPathless(
  resource: JsonObject,
  op: PatchOp,
  value: unknown,
  type: ResourceType,
): void {
  if (op === 'remove')
    throw ScimError.badRequest('noTarget', 'remove needs a path');
  if (value === undefined) return;
  if (!isJsonObject(value)) {
    throw ScimError.badRequest(
      'invalidValue',
      'a pathless value must be an object',
    );
  }

  for (const [key, item] of Object.entries(value)) {
    applyKey(resource, op, key, item, type);
  }
}

function applyKey(
  resource: JsonObject,
  op: PatchOp,
  key: string,
  value: unknown,
  type: ResourceType,
): void {
  const lower = key.toLowerCase();
  if (lower === 'schemas') return;
  if (lower === type.schema.id.toLowerCase())
    return applyPathless(resource, op, value, type);

  const path = splitAttributePath(key);
  if (!path) throw invalidPath(`bad attribute name '${key.slice(0, 80)}'`);
  if (isForeignUrn(type, key, path.uri)) return;

  const target = resolvePatchTarget(type, path, { text: key });
  if (isReadOnly(target)) return;
  applyTo(resource, op, target, value, type);
}

function isForeignUrn(
  type: ResourceType,
  key: string,
  uri: string | undefined,
): boolean {
  if (uri === undefined || findExtensionUrn(type, key)) return false;
  const known = [type.schema.id, ...type.extensions.map((e) => e.schema.id)];
  return !known.some((urn) => urn.toLowerCase() === uri.toLowerCase());
}

function isReadOnly(target: PatchTarget): boolean {
  return (
    target.attribute?.mutability === 'readOnly' ||
    target.sub?.mutability === 'readOnly'
  );
}

function checkMutability(
  resource: JsonObject,
  target: PatchTarget,
  op: PatchOp,
): void {
  if (isReadOnly(target)) {
    throw ScimError.badRequest('mutability', `'${target.text}' is readOnly`);
  }

  const immutable =
    target.attribute?.mutability === 'immutable' ||
    target.sub?.mutability === 'immutable';
  const container = target.extensionUrn
    ? resource[target.extensionUrn]
    : resource;
  const current =
    isJsonObject(container) && target.attribute
      ? container[target.attribute.name]
      : undefined;
  if (immutable && current !== undefined && !(op === 'add' && !target.sub)) {
    throw ScimError.badRequest('mutability', `'${target.text}' is immutable`);
  }
}
