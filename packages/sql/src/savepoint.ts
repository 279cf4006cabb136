import type { SqlExecutor } from './sql-client';

let counter = 0;

/** A nested transaction: a savepoint inside the open one. */
export async function withSavepoint<T>(
  tx: SqlExecutor,
  run: (tx: SqlExecutor) => Promise<T>,
): Promise<T> {
  counter += 1;
  const name = `roster_sp_${counter}`;
  await tx.query(`SAVEPOINT ${name}`);

  try {
    const result = await run(tx);
    await tx.query(`RELEASE SAVEPOINT ${name}`);
    return result;
  } catch (error) {
    await tx.query(`ROLLBACK TO SAVEPOINT ${name}`);
    throw error;
  }
}
