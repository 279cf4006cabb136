import type { Request } from 'express';
import { TENANT_ID_PATTERN } from '@roster/event-store';
import { HttpProblem } from '@roster/service-kit';
import type { z } from 'zod';
import { ValidationProblem } from './validation-problem';

/**
 * The JSON body parsed by `schema`; 400 naming the first issue. A request
 * with no body at all reads as `{}`, so POSTs whose fields are all
 * optional need none.
 */
export function parseBody<S extends z.ZodType>(
  req: Request,
  schema: S,
): z.infer<S> {
  const sent: unknown = req.body ?? (sentNoBody(req) ? {} : undefined);
  if (sent === undefined) {
    throw new HttpProblem(
      415,
      'Unsupported media type',
      'send the body as application/json',
    );
  }

  const parsed = schema.safeParse(sent);
  if (!parsed.success) throw ValidationProblem.fromZod('body', parsed.error);
  return parsed.data;
}

function sentNoBody(req: Request): boolean {
  const length = req.headers['content-length'];
  const chunked = req.headers['transfer-encoding'] !== undefined;
  return !chunked && (length === undefined || length === '0');
}

/** A path parameter checked by `schema`; 400 naming the parameter. */
export function parseParam<S extends z.ZodType>(
  req: Request,
  name: string,
  schema: S,
): z.infer<S> {
  const parsed = schema.safeParse(param(req, name));
  if (!parsed.success) throw ValidationProblem.fromZod(name, parsed.error);
  return parsed.data;
}

/** The tenant of the path; an id that cannot exist is a 404. */
export function tenantParam(req: Request): string {
  const tenantId = param(req, 'tenantId');
  if (!TENANT_ID_PATTERN.test(tenantId)) {
    throw new HttpProblem(404, 'Not found', 'tenant not found');
  }
  return tenantId;
}

/**
 * A path parameter; a `*name` wildcard's segments are joined by `/`.
 * @throws HttpProblem 400 for a NUL character, which no id can hold
 */
export function param(req: Request, name: string): string {
  const text = paramText(req, name);
  if (text.includes('\u0000')) {
    throw new HttpProblem(400, 'Bad request', `${name} holds a NUL character`);
  }
  return text;
}

function paramText(req: Request, name: string): string {
  const value: unknown = (req.params as Record<string, unknown>)[name];
  if (Array.isArray(value)) return value.map(String).join('/');
  return typeof value === 'string' ? value : '';
}
