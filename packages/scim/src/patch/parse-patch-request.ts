import { ScimError } from '../errors/scim-error';
import { isJsonObject } from '../resource/json-value';
import type { PatchOp, PatchOperation } from './patch-operation';
import { unwrapRoleValues } from './entra-role-values';
import { parsePatchPath } from './parse-patch-path';

/** Bounds on a PATCH body; operations beyond `maxOperations` are tooMany. */
export interface PatchLimits {
  readonly maxOperations: number;
}

export const defaultPatchLimits: PatchLimits = { maxOperations: 1000 };

const ops: readonly PatchOp[] = ['add', 'remove', 'replace'];

/**
 * Reads a PatchOp body (RFC 7644 §3.5.2); `op` in any case, `null` values
 * as absent, roles sent as JSON text (Entra) as the roles they encode.
 * @throws ScimError invalidSyntax, invalidPath, invalidFilter, tooMany
 */
export function parsePatchRequest(
  body: unknown,
  limits: PatchLimits = defaultPatchLimits,
): PatchOperation[] {
  const operations = isJsonObject(body)
    ? body[keyOf(body, 'Operations')]
    : undefined;
  if (!Array.isArray(operations)) {
    throw syntax('the body must have an Operations array');
  }
  if (operations.length > limits.maxOperations) {
    const detail = `more than ${limits.maxOperations} operations`;
    throw ScimError.badRequest('tooMany', detail);
  }

  return operations.map(parseOperation).map(unwrapRoleValues);
}

function parseOperation(raw: unknown, index: number): PatchOperation {
  if (!isJsonObject(raw)) throw syntax(`operation ${index} is not an object`);

  const opText = raw[keyOf(raw, 'op')];
  const op = ops.find((candidate) =>
    typeof opText === 'string' ? candidate === opText.toLowerCase() : false,
  );
  if (!op) throw syntax(`operation ${index} has no valid op`);

  const pathText = raw[keyOf(raw, 'path')];
  if (
    pathText !== undefined &&
    pathText !== null &&
    typeof pathText !== 'string'
  ) {
    throw ScimError.badRequest(
      'invalidPath',
      `operation ${index}: path is not a string`,
    );
  }

  const value = raw[keyOf(raw, 'value')];
  if (value === undefined && op !== 'remove') {
    throw ScimError.badRequest(
      'invalidValue',
      `operation ${index}: ${op} needs a value`,
    );
  }
  const path = pathText ? parsePatchPath(pathText) : undefined;
  return {
    op,
    ...(path ? { path } : {}),
    ...(value === undefined || value === null ? {} : { value }),
  };
}

function keyOf(object: Record<string, unknown>, name: string): string {
  const lower = name.toLowerCase();
  return Object.keys(object).find((key) => key.toLowerCase() === lower) ?? name;
}

function syntax(detail: string): ScimError {
  return ScimError.badRequest('invalidSyntax', detail);
}
