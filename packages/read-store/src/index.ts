export {
  activeSchemaCache,
  ProjectionNotBuiltError,
  type ActiveSchemaCache,
  type ActiveSchemaLookup,
} from './active-schema-cache';
export { activeSchemaOf, registryLookup } from './active-schema-of';
export type { Migration } from './migration';
export { dropSchema, migrateSchema } from './migrate-schema';
export { onActiveSchema } from './on-active-schema';
export {
  openReadStore,
  type ReadStore,
  type ReadStoreSource,
} from './open-read-store';
export type {
  CheckpointTable,
  FailureTable,
  GenerationTable,
  RuntimeDatabase,
  SkipTable,
} from './runtime-database';
export { runtimeMigrations } from './runtime-migrations';
export { assertSchemaName } from './schema-name';
export { selectOnActive } from './select-on-active';
