import {
  SqlUnavailableError,
  type SqlClient,
  type SqlSession,
} from '@roster/sql';
import type { RunUnit } from './run-unit';

/** The right to run one unit, until released. */
export interface Lease {
  release(): Promise<void>;
}

/** One runner per unit across processes. */
export interface UnitLeases {
  /** The unit's lease, or undefined while another runner holds it. */
  tryTake(unit: RunUnit): Promise<Lease | undefined>;
  close(): Promise<void>;
}

const TAKE = 'SELECT pg_try_advisory_lock(hashtext($1), $2) AS taken';
const RELEASE = 'SELECT pg_advisory_unlock(hashtext($1), $2) AS released';

/**
 * PostgreSQL: a session advisory lock per (schema, partition) on one
 * connection of this runtime's own, held while a catch-up runs. The
 * checkpoint compare-and-swap stays the guarantee; the lock only keeps a
 * second runner from reading and computing a batch that would lose it.
 * PGlite: one process owns the data directory, so every take succeeds.
 */
export function createUnitLeases(client: SqlClient): UnitLeases {
  if (client.kind === 'pglite') return sameProcessOnly;
  return new AdvisoryLeases(client);
}

const granted: Lease = { release: () => Promise.resolve() };

const sameProcessOnly: UnitLeases = {
  tryTake: () => Promise.resolve(granted),
  close: () => Promise.resolve(),
};

class AdvisoryLeases implements UnitLeases {
  #open: SqlSession | undefined;
  #opening: Promise<SqlSession> | undefined;

  constructor(private readonly client: SqlClient) {}

  async tryTake(unit: RunUnit): Promise<Lease | undefined> {
    const session = await this.#current();
    try {
      return await leaseOn(session, unit);
    } catch (error) {
      if (!(error instanceof SqlUnavailableError)) throw error;
      // The session dropped unnoticed: once more on a new one.
      if (this.#open === session) this.#open = undefined;
      return leaseOn(await this.#current(), unit);
    }
  }

  async close(): Promise<void> {
    const session = this.#open ?? (await this.#opening?.catch(() => undefined));
    this.#open = undefined;
    await session?.close();
  }

  /** The open session; a new one when the last one dropped. */
  async #current(): Promise<SqlSession> {
    if (this.#open && !this.#open.lost) return this.#open;

    this.#opening ??= this.client
      .openSession()
      .then((session) => (this.#open = session))
      .finally(() => (this.#opening = undefined));
    return this.#opening;
  }
}

async function leaseOn(
  session: SqlSession,
  unit: RunUnit,
): Promise<Lease | undefined> {
  const { rows } = await session.query<{ taken: boolean }>(TAKE, [
    unit.schema,
    unit.partition,
  ]);
  if (rows[0]?.taken !== true) return undefined;

  return { release: () => release(session, unit) };
}

async function release(session: SqlSession, unit: RunUnit): Promise<void> {
  // The server let go of every lock of a dropped connection already.
  if (session.lost) return;

  try {
    await session.query(RELEASE, [unit.schema, unit.partition]);
  } catch (error) {
    if (error instanceof SqlUnavailableError) return;
    // A lock left behind would shut other runners out: drop the session.
    await session.close().catch(() => undefined);
    throw error;
  }
}
