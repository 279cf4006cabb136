import { createPgClient } from './pg/pg-client';
import type { PgPoolOptions } from './pg/pool-config';
import { createPgliteClient } from './pglite/pglite-client';
import type { SqlClient } from './sql-client';

export type SqlClientConfig =
  | ({ readonly kind: 'postgres'; readonly url: string } & PgPoolOptions)
  | { readonly kind: 'pglite'; readonly dataDir?: string };

/** Opens a server connection pool or an embedded PGlite. */
export async function openSqlClient(
  config: SqlClientConfig,
): Promise<SqlClient> {
  if (config.kind === 'postgres') return createPgClient(config.url, config);

  return createPgliteClient(
    config.dataDir === undefined ? {} : { dataDir: config.dataDir },
  );
}
