import type { Kysely } from 'kysely';

/**
 * One forward-only step of a schema. `up` runs inside a transaction whose
 * search_path is the target schema, so unqualified names land there.
 */
export interface Migration {
  /** Unique within its list; applied in list order. */
  readonly name: string;
  up(db: Kysely<unknown>): Promise<void>;
}
