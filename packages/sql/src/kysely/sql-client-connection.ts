import type {
  CompiledQuery,
  DatabaseConnection,
  QueryResult,
  TransactionSettings,
} from 'kysely';
import type { QueryOptions, SqlClient, SqlExecutor } from '../sql-client';
import { OpenTransaction } from './open-transaction';
import { isPlainSelect } from './plain-select';

/** A Kysely connection: the client itself, or one open transaction. */
export class SqlClientConnection implements DatabaseConnection {
  #transaction: OpenTransaction | undefined;

  constructor(private readonly client: SqlClient) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const executor = this.#transaction?.executor ?? this.client;
    const result = await executor.query<R>(
      compiled.sql,
      compiled.parameters,
      this.#optionsOf(compiled),
    );
    return { rows: result.rows, numAffectedRows: BigInt(result.affectedRows) };
  }

  /** Only a counting client outside a transaction looks at `readOnly`. */
  #optionsOf(compiled: CompiledQuery): QueryOptions {
    const counting = this.client.writeCounter && !this.#transaction;
    return counting ? { readOnly: isPlainSelect(compiled.query) } : {};
  }

  // TODO(limit): "streaming" fetches the whole result first, then chunks it.
  async *streamQuery<R>(
    compiled: CompiledQuery,
    chunkSize = 100,
  ): AsyncIterableIterator<QueryResult<R>> {
    const { rows } = await this.executeQuery<R>(compiled);
    for (let start = 0; start < rows.length; start += chunkSize) {
      yield { rows: rows.slice(start, start + chunkSize) };
    }
  }

  async begin(settings: TransactionSettings): Promise<void> {
    if (this.#transaction) throw new Error('transaction already open');

    this.#transaction = await OpenTransaction.begin(this.client, (tx) =>
      applySettings(tx, settings),
    );
  }

  async end(commit: boolean): Promise<void> {
    const open = this.#transaction;
    if (!open) throw new Error('no transaction open');

    this.#transaction = undefined;
    await (commit ? open.commit() : open.rollback());
  }
}

async function applySettings(
  tx: SqlExecutor,
  settings: TransactionSettings,
): Promise<void> {
  const parts = [
    settings.isolationLevel && `ISOLATION LEVEL ${settings.isolationLevel}`,
    settings.accessMode,
  ].filter((part): part is string => Boolean(part));

  // Both values come from Kysely's closed lists, validated before this call.
  if (parts.length > 0) {
    await tx.query(`SET TRANSACTION ${parts.join(', ')}`);
  }
}
