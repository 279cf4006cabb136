import { assertSchemaName } from './schema-name';

/** The active schema of a projection, kept until a reader finds it stale. */
export interface ActiveSchemaCache {
  readonly projection: string;
  /** The schema last seen active; read from the registry the first time. */
  current(): Promise<string>;
  /** Reads the registry again, e.g. after a query met a retired schema. */
  refresh(): Promise<string>;
}

/** Reads a projection's active schema from the registry, if it has one. */
export type ActiveSchemaLookup = (
  projection: string,
) => Promise<string | undefined>;

/** A projection has no active generation yet (first start, still empty). */
export class ProjectionNotBuiltError extends Error {
  override readonly name = 'ProjectionNotBuiltError';
}

/**
 * Remembers a projection's active schema. Readers confirm it in the same
 * statement that reads the data (see `onActiveSchema`), so the cache never
 * makes them read a retired generation.
 */
export function activeSchemaCache(
  projection: string,
  lookup: ActiveSchemaLookup,
): ActiveSchemaCache {
  let cached: Promise<string> | undefined;
  let reading: Promise<string> | undefined;

  // Readers that meet a switch at once share one registry read.
  const refresh = (): Promise<string> => {
    if (reading) return reading;
    const read = readActive(lookup, projection);
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

  return { projection, current: () => cached ?? refresh(), refresh };
}

/** @throws ProjectionNotBuiltError before the projection's first build */
async function readActive(
  lookup: ActiveSchemaLookup,
  projection: string,
): Promise<string> {
  const schema = await lookup(projection);
  if (!schema) {
    throw new ProjectionNotBuiltError(`${projection} is not built yet`);
  }
  return assertSchemaName(schema);
}
