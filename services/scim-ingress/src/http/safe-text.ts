import type { NextFunction, Request, Response } from 'express';
import { ScimError } from '@roster/scim';

const loneSurrogate =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Refuses text that PostgreSQL cannot store (NUL) or that is not Unicode
 * (lone surrogates), wherever it appears in a value.
 * @throws ScimError invalidValue naming where
 */
export function assertSafeText(value: unknown, where: string): void {
  if (typeof value === 'string') {
    if (value.includes('\u0000') || loneSurrogate.test(value)) {
      throw ScimError.badRequest(
        'invalidValue',
        `${where} holds a NUL or a broken Unicode character`,
      );
    }
    return;
  }
  if (Array.isArray(value))
    return value.forEach((item) => assertSafeText(item, where));
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      assertSafeText(key, where);
      assertSafeText(item, where);
    }
  }
}

/** Checks the body and the query string of every SCIM request. */
export function safeText(
  req: Request,
  _res: Response,
  next: NextFunction,
): void {
  assertSafeText(req.body, 'the request body');
  assertSafeText(req.query, 'the query string');
  next();
}
