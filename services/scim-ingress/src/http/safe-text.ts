import type { NextFunction, Request, Response } from 'express';
import { isUnstorableText, ScimError } from '@roster/scim';

/** Deeper than any SCIM resource or message nests; more is refused. */
const MAX_DEPTH = 64;

/**
 * Refuses text that PostgreSQL cannot store (NUL) or that is not Unicode
 * (lone surrogates), wherever it appears in a value, and values nested
 * deeper than MAX_DEPTH. It walks with a stack of its own, so no input
 * can exhaust the call stack.
 * @throws ScimError invalidValue or invalidSyntax naming where
 */
export function assertSafeText(value: unknown, where: string): void {
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 0 }];

  for (let next = pending.pop(); next; next = pending.pop()) {
    if (typeof next.value === 'string') {
      assertSafeString(next.value, where);
      continue;
    }
    if (next.value === null || typeof next.value !== 'object') continue;
    if (next.depth >= MAX_DEPTH) {
      throw ScimError.badRequest(
        'invalidSyntax',
        `${where} nests deeper than ${MAX_DEPTH} levels`,
      );
    }
    for (const [key, item] of Object.entries(next.value)) {
      if (!Array.isArray(next.value)) assertSafeString(key, where);
      pending.push({ value: item, depth: next.depth + 1 });
    }
  }
}

function assertSafeString(text: string, where: string): void {
  if (isUnstorableText(text)) {
    throw ScimError.badRequest(
      'invalidValue',
      `${where} holds a NUL or a broken Unicode character`,
    );
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
