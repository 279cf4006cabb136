import type { DomainEvent } from '@roster/domain';
import type { Migration } from '@roster/read-store';
import type { Kysely } from 'kysely';

/** Envelope fields a handler may need next to the upcast domain event. */
export interface EventEnvelope {
  readonly id: string;
  readonly stream: string;
  readonly revision: number;
  readonly position: string;
  readonly tenantId: string;
  readonly metadata: Readonly<Record<string, unknown>>;
  readonly recordedAt: Date;
}

/** A domain event as a projection receives it: upcast, with its envelope. */
export type ParsedEvent = DomainEvent & EventEnvelope;

/**
 * A read model built from the log. `apply` runs inside the transaction that
 * also moves the checkpoint; the search_path is the projection's schema.
 */
export interface Projection<DB = unknown> {
  /** Lower snake case; the prefix of its schemas (`<name>_v<version>`). */
  readonly name: string;
  /** Positive integer; a new version is built by `rebuild`. */
  readonly version: number;
  /** Whether `waitFor` (read-your-writes) waits for this projection. */
  readonly servesReads: boolean;
  readonly migrations: readonly Migration[];
  /** Applies a batch in log order; one tenant partition per call. */
  apply(db: Kysely<DB>, events: readonly ParsedEvent[]): Promise<void>;
}

/** A projection as the runtime holds it: its table types erased. */
export interface RegisteredProjection {
  readonly name: string;
  readonly version: number;
  readonly servesReads: boolean;
  readonly migrations: readonly Migration[];
  apply(db: Kysely<unknown>, events: readonly ParsedEvent[]): Promise<void>;
}

/** Checks a projection against its own tables and registers it. */
export function defineProjection<DB>(
  projection: Projection<DB>,
): RegisteredProjection {
  return {
    name: projection.name,
    version: projection.version,
    servesReads: projection.servesReads,
    migrations: projection.migrations,
    // The runtime hands over a transaction scoped to the projection's schema.
    apply: (db, events) => projection.apply(db as Kysely<DB>, events),
  };
}
