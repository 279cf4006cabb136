import type { Request, RequestHandler, Response } from 'express';
import { z } from 'zod';
import { ScimError } from '@roster/scim';
import { toScimError } from '../http/scim-errors';
import { callOf } from '../http/scim-call';
import type { ScimCall } from '../http/scim-call';
import { revisionOf, sendScim } from '../http/send-scim';
import type { ScimDeps } from '../scim-deps';
import { dispatchBulk } from './bulk-dispatch';
import { referencedBulkIds, resolveBulkIds, resolvePath } from './bulk-ids';

const bulkResponseUrn = 'urn:ietf:params:scim:api:messages:2.0:BulkResponse';

const operationSchema = z.looseObject({
  method: z.string().min(1),
  path: z.string().min(1),
  bulkId: z.string().min(1).optional(),
  version: z.string().optional(),
  data: z.unknown().optional(),
});
type BulkOperation = z.infer<typeof operationSchema>;

const requestSchema = z.looseObject({
  failOnErrors: z.number().int().min(1).optional(),
  Operations: z.array(operationSchema),
});

/** POST /Bulk (RFC 7644 §3.7): operations in order, bulkIds resolved. */
export function bulkRoute(deps: ScimDeps): RequestHandler {
  return async (req: Request, res: Response) => {
    const request = parseRequest(req.body, deps.limits.maxBulkOperations);
    const call = callOf(req, deps);

    const results = await runAll(
      call,
      request.Operations,
      request.failOnErrors,
    );
    sendScim(res, 200, { schemas: [bulkResponseUrn], Operations: results });
  };
}

async function runAll(
  call: ScimCall,
  operations: readonly BulkOperation[],
  failOnErrors: number | undefined,
): Promise<Record<string, unknown>[]> {
  const ids = new Map<string, string>();
  const results: Record<string, unknown>[] = [];
  let errors = 0;

  const run = async (op: BulkOperation) => {
    if (failOnErrors !== undefined && errors >= failOnErrors) return;
    const result = await runOne(call, op, ids);
    if (Number(result['status']) >= 400) errors += 1;
    results.push(result);
  };

  // An operation naming a bulkId that a later one creates runs after it.
  // TODO(limit): so it also runs after later operations on its resource,
  // and a bulkId inside a PATCH filter path is not resolved.
  const deferred: BulkOperation[] = [];
  for (const op of operations) {
    const pending = referencedBulkIds([op.path, op.data]).some(
      (id) => !ids.has(id),
    );
    if (pending) deferred.push(op);
    else await run(op);
  }
  for (const op of deferred) await run(op);
  return results;
}

async function runOne(
  call: ScimCall,
  op: BulkOperation,
  ids: Map<string, string>,
): Promise<Record<string, unknown>> {
  const base = {
    method: op.method.toUpperCase(),
    ...(op.bulkId ? { bulkId: op.bulkId } : {}),
  };
  try {
    const path = resolvePath(op.path, ids);
    const data = resolveBulkIds(op.data, ids);
    const ifMatch = revisionOf(op.version);

    const outcome = await dispatchBulk(
      { ...call, ifMatch },
      op.method,
      path,
      data,
    );
    const id = outcome.body?.['id'];
    if (op.bulkId && typeof id === 'string') ids.set(op.bulkId, id);

    // RFC 7644 §3.7: every result but a failed POST names its resource.
    const location = outcome.location ?? locationOf(call, path);
    return {
      ...base,
      status: String(outcome.status),
      location,
      ...(outcome.etag ? { version: outcome.etag } : {}),
    };
  } catch (error) {
    const scimError = toScimError(error);
    const named = base.method !== 'POST';
    return {
      ...base,
      status: String(scimError.status),
      ...(named ? { location: locationOf(call, op.path) } : {}),
      response: scimError.toBody(),
    };
  }
}

function locationOf(call: ScimCall, path: string): string {
  const segments = path.split('/').map((s) => encodeURIComponent(decoded(s)));
  return `${call.baseUrl}${segments.join('/')}`;
}

/** A segment as sent when it is not valid percent-encoding. */
function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Attribute names are case-insensitive (RFC 7643 §2.1), these too. */
const requestKeys = ['Operations', 'failOnErrors'];

function parseRequest(body: unknown, maxOperations: number) {
  const parsed = requestSchema.safeParse(withRequestKeys(body));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || 'body';
    throw ScimError.badRequest(
      'invalidSyntax',
      `bulk request: ${where}: ${issue?.message ?? 'invalid'}`,
    );
  }
  if (parsed.data.Operations.length > maxOperations) {
    throw new ScimError(
      413,
      undefined,
      `a bulk request may have at most ${maxOperations} operations`,
    );
  }
  return parsed.data;
}

function withRequestKeys(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return body;
  }
  return Object.fromEntries(
    Object.entries(body).map(([key, value]) => [
      requestKeys.find((name) => name.toLowerCase() === key.toLowerCase()) ??
        key,
      value,
    ]),
  );
}
