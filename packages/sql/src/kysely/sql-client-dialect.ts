import {
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type TransactionSettings,
} from 'kysely';
import type { SqlClient } from '../sql-client';
import { SqlClientConnection } from './sql-client-connection';

export interface SqlClientDialectOptions {
  /** Close the SqlClient when Kysely is destroyed. Default false (shared). */
  readonly closeClientOnDestroy?: boolean;
}

/** Kysely's PostgreSQL dialect, running its queries through a SqlClient. */
export class SqlClientDialect implements Dialect {
  constructor(
    private readonly client: SqlClient,
    private readonly options: SqlClientDialectOptions = {},
  ) {}

  createAdapter(): DialectAdapter {
    return new PostgresAdapter();
  }

  createDriver(): Driver {
    return new SqlClientDriver(this.client, this.options);
  }

  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new PostgresIntrospector(db);
  }

  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler();
  }
}

class SqlClientDriver implements Driver {
  constructor(
    private readonly client: SqlClient,
    private readonly options: SqlClientDialectOptions,
  ) {}

  async init(): Promise<void> {}

  acquireConnection(): Promise<DatabaseConnection> {
    return Promise.resolve(new SqlClientConnection(this.client));
  }

  async beginTransaction(
    connection: DatabaseConnection,
    settings: TransactionSettings,
  ): Promise<void> {
    await asOurs(connection).begin(settings);
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await asOurs(connection).end(true);
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await asOurs(connection).end(false);
  }

  async releaseConnection(): Promise<void> {}

  async destroy(): Promise<void> {
    if (this.options.closeClientOnDestroy) await this.client.close();
  }
}

function asOurs(connection: DatabaseConnection): SqlClientConnection {
  if (connection instanceof SqlClientConnection) return connection;
  throw new TypeError('connection does not come from SqlClientDriver');
}
