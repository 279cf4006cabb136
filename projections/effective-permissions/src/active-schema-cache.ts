import type { SqlExecutor } from '@roster/sql';
import { assertSchemaName } from '@roster/read-store';

/** The active schema of a projection, kept until a reader finds it stale. */
export interface ActiveSchemaCache {
  /** The schema last seen active; read from the registry the first time. */
  current(): Promise<string>;
  /** Reads the registry again, e.g. after a query met a retired schema. */
  refresh(): Promise<string>;
}

/**
 * Remembers a projection's active schema. Readers confirm it in the same
 * statement that reads the data (see `onActiveSchema`), so the cache never
 * makes them read a retired generation. @throws when it was never built
 */
export function activeSchemaCache(
  client: SqlExecutor,
  projection: string,
): ActiveSchemaCache {
  let cached: Promise<string> | undefined;
  let reading: Promise<string> | undefined;

  // Readers that meet a switch at once share one registry read.
  const refresh = (): Promise<string> => {
    if (reading) return reading;
    const read = readActive(client, projection);
    cached = reading = read;
    read.then(
      () => {
        if (reading === read) reading = undefined;
      },
      () => {
        // A failed read is not kept: the next call asks again.
        if (reading === read) reading = undefined;
        if (cached === read) cached = undefined;
      },
    );
    return read;
  };

  return { current: () => cached ?? refresh(), refresh };
}

async function readActive(
  client: SqlExecutor,
  projection: string,
): Promise<string> {
  const { rows } = await client.query<{ schema_name: string }>(
    `SELECT schema_name FROM roster.projection_generations
     WHERE projection = $1 AND state = 'active'`,
    [projection],
  );
  const schema = rows[0]?.schema_name;
  if (!schema) throw new Error(`${projection} is not built yet`);
  return assertSchemaName(schema);
}
