const SCHEMA_PATTERN = /^[a-z][a-z0-9_]{0,62}$/;

/** Schemas are identifiers, never parameters: only plain names pass. */
export function assertSchemaName(schema: string): string {
  if (!SCHEMA_PATTERN.test(schema)) {
    throw new TypeError(`not a plain lower-case schema name: ${schema}`);
  }
  return schema;
}
