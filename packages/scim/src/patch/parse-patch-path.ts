import { ScimError } from '../errors/scim-error';
import { parseValueFilter } from '../filter/parse-filter';
import { splitAttributePath } from '../schema/attribute-path';
import type { PatchPath } from './patch-operation';

/** Parses a PATCH `path`. @throws ScimError invalidPath or invalidFilter */
export function parsePatchPath(text: string): PatchPath {
  const trimmed = text.trim();
  const open = trimmed.indexOf('[');
  if (open < 0) return parsePlain(trimmed);

  const close = trimmed.lastIndexOf(']');
  const attribute = splitAttributePath(trimmed.slice(0, open));
  const after = trimmed.slice(close + 1);
  const sub = after.startsWith('.') ? after.slice(1) : undefined;
  if (!attribute || attribute.sub !== undefined || close < open)
    throw bad(text);
  if (after !== '' && !(sub && /^\$?[A-Za-z][\w-]*$/.test(sub)))
    throw bad(text);

  const filter = parseValueFilter(trimmed.slice(open + 1, close));
  return { text, attribute, filter, ...(sub === undefined ? {} : { sub }) };
}

function parsePlain(text: string): PatchPath {
  const attribute = splitAttributePath(text);
  if (!attribute) throw bad(text);

  const { sub, ...rest } = attribute;
  return { text, attribute: rest, ...(sub === undefined ? {} : { sub }) };
}

function bad(text: string): ScimError {
  return ScimError.badRequest('invalidPath', `bad path '${text.slice(0, 80)}'`);
}
