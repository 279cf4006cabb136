import { ScimError } from '@roster/scim';

const reference = /^bulkId:(.+)$/;

/** Replaces every `bulkId:<id>` string with the id it was created as. */
export function resolveBulkIds(
  value: unknown,
  ids: ReadonlyMap<string, string>,
): unknown {
  if (typeof value === 'string') return resolveOne(value, ids);
  if (Array.isArray(value))
    return value.map((item) => resolveBulkIds(item, ids));
  if (value === null || typeof value !== 'object') return value;

  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      resolveBulkIds(item, ids),
    ]),
  );
}

/** Resolves `bulkId:<id>` segments of an operation's path. */
export function resolvePath(
  path: string,
  ids: ReadonlyMap<string, string>,
): string {
  return path
    .split('/')
    .map((segment) => resolveOne(decodeURIComponent(segment), ids))
    .join('/');
}

/** Every bulkId that a value refers to with `bulkId:<id>`. */
export function referencedBulkIds(value: unknown): string[] {
  if (typeof value === 'string') {
    const match = reference.exec(value);
    return match?.[1] === undefined ? [] : [match[1]];
  }
  if (Array.isArray(value)) return value.flatMap(referencedBulkIds);
  if (value === null || typeof value !== 'object') return [];
  return Object.values(value).flatMap(referencedBulkIds);
}

function resolveOne(value: string, ids: ReadonlyMap<string, string>): string {
  const match = reference.exec(value);
  if (!match) return value;

  const id = ids.get(match[1] ?? '');
  if (id === undefined) {
    throw new ScimError(
      409,
      undefined,
      `bulkId ${match[1]} names no operation that succeeded`,
    );
  }
  return id;
}
