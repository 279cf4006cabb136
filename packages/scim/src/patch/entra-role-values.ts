import { isJsonObject, type JsonObject } from '../resource/json-value';
import { userSchemaUrn } from '../schema/schema-urns';
import type { PatchOperation, PatchPath } from './patch-operation';

/**
 * Entra ID without its `aadOptscim062020` flag writes each role of a
 * PATCH as JSON text: `{"value": "{\"id\":…,\"value\":\"Admin\",…}"}`.
 * Such an element becomes the role it encodes; any other stays as sent.
 */
export function unwrapRoleValues(operation: PatchOperation): PatchOperation {
  const { path, value } = operation;
  if (value === undefined) return operation;
  if (path) {
    return isRolesPath(path)
      ? { ...operation, value: unwrapped(value) }
      : operation;
  }
  if (!isJsonObject(value)) return operation;

  const key = Object.keys(value).find((k) => k.toLowerCase() === 'roles');
  if (key === undefined) return operation;
  return { ...operation, value: { ...value, [key]: unwrapped(value[key]) } };
}

function isRolesPath({ attribute, filter, sub }: PatchPath): boolean {
  const uri = attribute.uri?.toLowerCase();
  return (
    attribute.name.toLowerCase() === 'roles' &&
    filter === undefined &&
    sub === undefined &&
    (uri === undefined || uri === userSchemaUrn.toLowerCase())
  );
}

function unwrapped(value: unknown): unknown {
  return Array.isArray(value) ? value.map(unwrapOne) : unwrapOne(value);
}

function unwrapOne(item: unknown): unknown {
  if (!isJsonObject(item) || typeof item['value'] !== 'string') return item;
  const inner = objectIn(item['value']);
  if (typeof inner?.['value'] !== 'string') return item;

  const display = inner['displayName'];
  const named = typeof display === 'string' && item['display'] === undefined;
  return { ...item, value: inner['value'], ...(named ? { display } : {}) };
}

function objectIn(text: string): JsonObject | undefined {
  if (!text.trimStart().startsWith('{')) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return isJsonObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}
