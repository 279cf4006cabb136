import type { EventStore } from '@roster/event-store';
import type { RuntimeDatabase } from '@roster/read-store';
import type { Kysely } from 'kysely';
import type { FailureRow } from './failures';
import { listGenerations, type Generation } from './generations';
import type { ProjectionCode } from './unit-catalog';

/** Events counted past a checkpoint at most; beyond it lag is capped. */
// TODO(limit): lag in events is counted by reading, up to LAG_PROBE events.
const LAG_PROBE = 1000;

export interface FailureStatus {
  readonly eventId: string;
  readonly position: string;
  readonly tenantId: string;
  readonly error: string;
  readonly attempts: number;
  readonly firstFailedAt: Date;
  readonly nextRetryAt: Date;
}

/** One partition of one generation, as /readyz and metrics see it. */
export interface PartitionStatus {
  readonly projection: string;
  readonly version: number;
  readonly schema: string;
  readonly state: Generation['state'];
  readonly partition: number;
  readonly checkpoint: string;
  readonly eventsApplied: number;
  /** Events in the log past the checkpoint (at most 1000, see lagCapped). */
  readonly lagEvents: number;
  readonly lagCapped: boolean;
  /** Age of the oldest event not yet applied; 0 when caught up. */
  readonly lagSeconds: number;
  /** `stopped`: an event failed; `no-code`: no process here runs it. */
  readonly health: 'ok' | 'stopped' | 'no-code';
  readonly failure?: FailureStatus;
}

export async function readStatus(
  db: Kysely<RuntimeDatabase>,
  store: EventStore,
  code: ProjectionCode,
): Promise<PartitionStatus[]> {
  const generations = await listGenerations(db);
  const checkpoints = await db
    .selectFrom('roster.projection_checkpoints')
    .selectAll()
    .execute();
  const failures = await db
    .selectFrom('roster.projection_failures')
    .selectAll()
    .execute();

  const statuses: PartitionStatus[] = [];
  for (const checkpoint of checkpoints) {
    const generation = generations.find(
      (g) => g.schema_name === checkpoint.schema_name,
    );
    if (!generation) continue;

    const failure = failures.find(
      (f) =>
        f.schema_name === checkpoint.schema_name &&
        f.partition === checkpoint.partition,
    );
    const lag = await probeLag(store, generation, checkpoint);
    statuses.push({
      projection: generation.projection,
      version: generation.version,
      schema: generation.schema_name,
      state: generation.state,
      partition: checkpoint.partition,
      checkpoint: checkpoint.position,
      eventsApplied: Number(checkpoint.events_applied),
      ...lag,
      health: healthOf(generation, failure, code),
      ...(failure ? { failure: failureStatus(failure) } : {}),
    });
  }
  return statuses.sort(byProjectionAndPartition);
}

async function probeLag(
  store: EventStore,
  generation: Generation,
  checkpoint: { position: string; partition: number },
): Promise<Pick<PartitionStatus, 'lagEvents' | 'lagCapped' | 'lagSeconds'>> {
  const { events } = await store.readAll({
    from: checkpoint.position,
    limit: LAG_PROBE,
    partition: {
      index: checkpoint.partition,
      count: generation.partition_count,
    },
  });

  const oldest = events[0];
  const age = oldest ? (Date.now() - oldest.recordedAt.getTime()) / 1000 : 0;
  return {
    lagEvents: events.length,
    lagCapped: events.length === LAG_PROBE,
    lagSeconds: Math.max(0, age),
  };
}

function healthOf(
  generation: Generation,
  failure: FailureRow | undefined,
  code: ProjectionCode,
): PartitionStatus['health'] {
  if (failure) return 'stopped';
  return code.get(generation.projection, generation.version) ? 'ok' : 'no-code';
}

function failureStatus(row: FailureRow): FailureStatus {
  return {
    eventId: row.event_id,
    position: row.position,
    tenantId: row.tenant_id,
    error: row.error,
    attempts: row.attempts,
    firstFailedAt: row.first_failed_at,
    nextRetryAt: row.next_retry_at,
  };
}

function byProjectionAndPartition(
  a: PartitionStatus,
  b: PartitionStatus,
): number {
  return (
    a.projection.localeCompare(b.projection) ||
    a.schema.localeCompare(b.schema) ||
    a.partition - b.partition
  );
}

/** What /readyz needs: every read-serving projection built and running. */
export interface RuntimeHealth {
  readonly ready: boolean;
  readonly stopped: readonly PartitionStatus[];
  /** Read-serving projections without an active generation yet. */
  readonly missing: readonly string[];
}

export function summariseHealth(
  statuses: readonly PartitionStatus[],
  code: ProjectionCode,
): RuntimeHealth {
  const stopped = statuses.filter((s) => s.health === 'stopped');
  const missing = code
    .latest()
    .filter((p) => p.servesReads)
    .map((p) => p.name)
    .filter(
      (name) =>
        !statuses.some((s) => s.projection === name && s.state === 'active'),
    );
  const blocking = stopped.filter(
    (s) => s.state === 'active' && code.servesReads(s.projection),
  );
  return {
    ready: blocking.length === 0 && missing.length === 0,
    stopped,
    missing,
  };
}
