import { sqlStateOf } from '@roster/sql';
import type { ActiveSchemaCache } from './active-schema-cache';

/** Tries of a read whose schema was switched under it, then it fails. */
const attempts = 3;

/**
 * Runs `read` on the cached active schema. `read` answers undefined when
 * its statement found the schema no longer active; a dropped schema
 * (SQLSTATE 42P01) means the same. Either way the cache is refreshed and
 * the read runs again, so no answer ever comes from a retired generation.
 * @throws Error after `attempts` switches in a row
 */
export async function onActiveSchema<R>(
  schemas: ActiveSchemaCache,
  read: (schema: string) => Promise<R | undefined>,
): Promise<R> {
  let schema = await schemas.current();

  for (let attempt = 1; ; attempt++) {
    const result = await read(schema).catch((error: unknown) => {
      if (sqlStateOf(error) === '42P01') return undefined;
      throw error;
    });
    if (result !== undefined) return result;
    if (attempt === attempts) break;
    schema = await schemas.refresh();
  }
  throw new Error(
    `the active schema of ${schemas.projection} kept changing; retry`,
  );
}
