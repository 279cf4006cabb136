import type { SqlClient, SqlExecutor } from '../sql-client';

class RollbackRequested extends Error {
  override readonly name = 'RollbackRequested';
}

/**
 * Bridges Kysely's begin/commit/rollback calls onto the callback-shaped
 * SqlClient.transaction, so that the client's own serialisation holds.
 */
export class OpenTransaction {
  private constructor(
    readonly executor: SqlExecutor,
    private readonly decide: (commit: boolean) => void,
    private readonly settled: Promise<void>,
  ) {}

  static begin(
    client: SqlClient,
    prepare: (tx: SqlExecutor) => Promise<void>,
  ): Promise<OpenTransaction> {
    let decide: (commit: boolean) => void = () => undefined;
    const decision = new Promise<boolean>((resolve) => (decide = resolve));

    let opened: (tx: SqlExecutor) => void = () => undefined;
    const ready = new Promise<SqlExecutor>((resolve) => (opened = resolve));

    const settled = client.transaction(async (tx) => {
      await prepare(tx);
      opened(tx);
      if (!(await decision)) throw new RollbackRequested();
    });

    return Promise.race([
      ready.then((tx) => new OpenTransaction(tx, decide, settled)),
      settled.then(() => {
        throw new Error('transaction ended before it opened');
      }),
    ]);
  }

  async commit(): Promise<void> {
    this.decide(true);
    await this.settled;
  }

  async rollback(): Promise<void> {
    this.decide(false);
    await this.settled.catch((error: unknown) => {
      if (!(error instanceof RollbackRequested)) throw error;
    });
  }
}
