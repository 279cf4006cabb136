export type {
  QueryOptions,
  SqlClient,
  SqlExecutor,
  SqlResult,
  SqlSession,
} from './sql-client';
export {
  DataDirLockedError,
  SqlUnavailableError,
  sqlStateOf,
} from './sql-errors';
export { createPgClient } from './pg/pg-client';
export type { PgPoolOptions } from './pg/pool-config';
export {
  createPgliteClient,
  type PgliteClientOptions,
} from './pglite/pglite-client';
export type { WriteCounter } from './pglite/write-counter';
export { openSqlClient, type SqlClientConfig } from './open-sql-client';
export { createKysely } from './create-kysely';
export {
  SqlClientDialect,
  type SqlClientDialectOptions,
} from './kysely/sql-client-dialect';
