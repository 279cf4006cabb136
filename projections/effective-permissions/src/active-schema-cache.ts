import type { SqlExecutor } from '@roster/sql';
import { assertSchemaName } from '@roster/read-store';

/**
 * The active schema of a projection, re-read at most every `ttlMs`.
 * Throws when the projection has never been built.
 */
export function activeSchemaCache(
  client: SqlExecutor,
  projection: string,
  ttlMs = 1000,
): () => Promise<string> {
  let cached: { schema: string; until: number } | undefined;

  // TODO(limit): after a rebuild switches generations, readers keep the
  // old schema for up to ttlMs (1 s by default).
  return async () => {
    if (cached && cached.until > Date.now()) return cached.schema;

    const { rows } = await client.query<{ schema_name: string }>(
      `SELECT schema_name FROM roster.projection_generations
       WHERE projection = $1 AND state = 'active'`,
      [projection],
    );
    const schema = rows[0]?.schema_name;
    if (!schema) throw new Error(`${projection} is not built yet`);

    cached = { schema: assertSchemaName(schema), until: Date.now() + ttlMs };
    return cached.schema;
  };
}
